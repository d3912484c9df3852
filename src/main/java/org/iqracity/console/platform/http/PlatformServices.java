package org.iqracity.console.platform.http;

import java.util.function.Supplier;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.accesslog.AccessLogService;
import org.iqracity.console.platform.service.auth.AuthService;
import org.iqracity.console.platform.service.breach.BreachPreview;
import org.iqracity.console.platform.service.breach.BreachRecords;
import org.iqracity.console.platform.service.breach.BreachService;
import org.iqracity.console.platform.service.insights.InsightsService;
import org.iqracity.console.platform.service.learners.LearnerService;
import org.iqracity.console.platform.service.research.ResearchExportService;
import org.iqracity.console.platform.service.rosters.RosterConversions;
import org.iqracity.console.platform.service.rosters.RosterService;
import org.iqracity.console.platform.service.sponsors.SponsorService;
import org.iqracity.console.platform.service.tracking.TrackingService;

/** What the web layer needs from the services, handed over by the platform's composition root. */
public record PlatformServices(AuthService auth, CourseService courses, LearnerService learners,
                               TrackingService tracking, RosterService rosters, SigningKeys signingKeys,
                               AccessLogService accessLog, SponsorService sponsors,
                               BreachService breaches, BreachPreview breachPreview, BreachRecords breachRecords,
                               Supplier<HealthDto> health, WorkLimits limits,
                               RosterConversions conversions,
                               ResearchExportService research, InsightsService insights) {
}
