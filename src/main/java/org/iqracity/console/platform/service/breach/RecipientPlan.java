package org.iqracity.console.platform.service.breach;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.DeliveryRepository.NewDelivery;
import org.iqracity.console.platform.store.RecipientRepository;
import org.iqracity.console.platform.store.RecipientRepository.Candidate;

/**
 * The delivery records a set of recipients turns into: per learner, the channels their jurisdiction calls for, each
 * either ready to go or unreachable with the reason. The same plan feeds the preview, the fingerprint the approver
 * approves and the outbox written at approval, so what was approved is exactly what is sent.
 */
public final class RecipientPlan {
    private static final Pattern USABLE_EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final String RETIRED = "Retired account: no contact details are kept (R6).";
    static final String NO_EMAIL = "No usable email address on the enrollment.";
    static final String NO_ADDRESS = "No mailing address on file.";

    /** One learner with what their jurisdiction asks for. */
    public record Entry(Candidate learner, Jurisdictions.Placement place, boolean usableEmail) {
        public boolean wantsEmail() {
            return !learner.retired() && place.rule().email();
        }

        public boolean wantsLetter() {
            return !learner.retired() && place.rule().letter();
        }

        public boolean hasMailingAddress() {
            return learner.holds(RecipientRepository.HOLDS_MAILING_ADDRESS);
        }
    }

    private final List<Entry> entries;

    private RecipientPlan(List<Entry> entries) {
        this.entries = entries;
    }

    /** @param learners one candidate per learner, sorted by learner id */
    public static RecipientPlan of(List<Candidate> learners, Jurisdictions jurisdictions) {
        List<Entry> entries = new ArrayList<>(learners.size());
        for (Candidate c : learners) {
            boolean usable = c.email() != null && USABLE_EMAIL.matcher(c.email()).matches();
            entries.add(new Entry(c, jurisdictions.place(c.country(), c.region()), usable));
        }
        return new RecipientPlan(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The outbox rows, in learner order. Message-IDs are fixed here, once, so a resend carries the same one. */
    public List<NewDelivery> deliveries(String incidentId, String mailDomain) {
        List<NewDelivery> out = new ArrayList<>(entries.size() + entries.size() / 4);
        for (Entry e : entries) {
            Candidate c = e.learner();
            String label = e.place().label();
            String emailId = "<" + incidentId + "." + c.learnerId() + ".email@" + mailDomain + ">";
            if (c.retired()) {
                out.add(new NewDelivery(c.learnerId(), NoticeChannel.EMAIL, null, label, DeliveryStatus.UNREACHABLE,
                        RETIRED, emailId));
                continue;
            }
            if (e.wantsEmail()) {
                out.add(e.usableEmail()
                        ? new NewDelivery(c.learnerId(), NoticeChannel.EMAIL, c.email(), label, DeliveryStatus.PENDING,
                        null, emailId)
                        : new NewDelivery(c.learnerId(), NoticeChannel.EMAIL, null, label, DeliveryStatus.UNREACHABLE,
                        NO_EMAIL, emailId));
            }
            if (e.wantsLetter()) {
                String letterId = "<" + incidentId + "." + c.learnerId() + ".letter@" + mailDomain + ">";
                out.add(e.hasMailingAddress()
                        ? new NewDelivery(c.learnerId(), NoticeChannel.LETTER, null, label, DeliveryStatus.READY, null,
                        letterId)
                        : new NewDelivery(c.learnerId(), NoticeChannel.LETTER, null, label,
                        DeliveryStatus.UNREACHABLE, NO_ADDRESS, letterId));
            }
        }
        return out;
    }

    /** A digest of who gets what on which channel: changes whenever a learner, channel or address changes. */
    public String fingerprint() {
        var digest = new StringBuilder();
        for (NewDelivery d : deliveries("x", "x")) {
            digest.append(d.learnerId()).append('|').append(d.channel()).append('|').append(d.status()).append('|')
                    .append(d.address() == null ? "" : d.address()).append('\n');
        }
        return HexFormat.of().formatHex(Tokens.sha256Bytes(digest.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
