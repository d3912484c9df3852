package org.iqracity.console.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfBuilderTest {
    private static final String NAMES = "Łukasz Nguyễn Trần Øyvind Zoë";

    @Test
    void namesInManyScriptsPrintAsWrittenAndReadBackWithPopplerAndPdfBox(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("names.pdf");
        try (PdfBuilder doc = new PdfBuilder("Breach notice — " + NAMES)) {
            doc.heading("Dear " + NAMES)
                    .keyValue("Learner", NAMES)
                    .keyValue("Course", "course-v1:Northbridge+CS101+2026_T1")
                    .paragraph("Ελένη Παπαδοπούλου, Дмитрий Иванов and Şükrü Çağlar are named here too.")
                    .paragraph("Nora Whitfield confirms the affiliation; no ligature hides an fi or fl.")
                    .footer("Northbridge University · " + NAMES);
            doc.save(pdf);
        }
        String poppler = PdfText.readBack(pdf);
        String pdfbox = PdfText.text(pdf);
        for (String text : List.of(poppler, pdfbox)) {
            assertThat(text).contains("Dear " + NAMES).contains("Learner").contains(NAMES)
                    .contains("Ελένη Παπαδοπούλου, Дмитрий Иванов and Şükrü Çağlar")
                    .contains("course-v1:Northbridge+CS101+2026_T1").contains("page 1 of 1")
                    .contains("Nora Whitfield confirms the affiliation; no ligature hides an fi or fl.");
        }
        try (PDDocument read = Loader.loadPDF(pdf.toFile())) {
            assertThat(read.getDocumentInformation().getTitle()).isEqualTo("Breach notice — " + NAMES);
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("fonts.pdf");
        try (PdfBuilder doc = new PdfBuilder("Fonts")) {
            doc.heading("Bold " + NAMES).paragraph("Regular " + NAMES)
                    .table(List.of("Name"), List.of(List.of(NAMES)));
            doc.save(pdf);
        }
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
        assertThat(Files.size(pdf)).as("a subset: the whole DejaVu Sans alone is over 700 kB").isLessThan(120_000);
        assumeTrue(SystemTools.installed("pdffonts"), SystemTools.missing("pdffonts", "poppler-utils"));
        Process process = new ProcessBuilder("pdffonts", pdf.toString()).redirectErrorStream(true).start();
        String fonts = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).as(fonts).hasSize(2).allSatisfy(row -> {
            // name starts with a subset tag such as ABCDEF+DejaVuSans; columns emb, sub and uni all say yes
            assertThat(row).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?\\s.*yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*");
        });
        // a subset: the whole DejaVu Sans alone is over 700 kB
        assertThat(Files.size(pdf)).isLessThan(120_000);
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("missing.pdf");
        try (PdfBuilder doc = new PdfBuilder("漢字 title stays in metadata")) {
            doc.heading("Name 漢字 end").paragraph("bell\u0007 tab\there 中 done")
                    .keyValue("键", "值").table(List.of("名"), List.of(List.of("王小明 Wang")));
            doc.save(pdf);
        }
        String text = PdfText.readBack(pdf);
        assertThat(text).contains("Name ?? end").contains("bell? tab here ? done").contains("??? Wang");
        try (PDDocument read = Loader.loadPDF(pdf.toFile())) {
            assertThat(read.getDocumentInformation().getTitle()).isEqualTo("漢字 title stays in metadata");
        }
    }

    @Test
    void longTextFlowsOntoNumberedPagesAndKeepsItsParagraphs(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("long.pdf");
        int pages;
        try (PdfBuilder doc = new PdfBuilder("Long")) {
            doc.heading("A long letter").footer("Footer text");
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= 400; p++) {
                text.append("Paragraph ").append(p).append(" starts. ")
                        .append("Word ".repeat(60)).append("ends ").append(p).append(".\n\n");
            }
            doc.paragraph(text.toString());
            pages = doc.pageCount();
            doc.save(pdf);
        }
        assertThat(pages).isGreaterThan(30);
        List<String> byPage = PdfText.pages(pdf);
        assertThat(byPage).hasSize(pages);
        for (int p = 0; p < pages; p++) {
            assertThat(byPage.get(p)).contains("Footer text").contains("page " + (p + 1) + " of " + pages);
        }
        String all = String.join("\n", byPage);
        for (int p = 1; p <= 400; p++) {
            assertThat(all).contains("Paragraph " + p + " starts.").contains("ends " + p + ".");
        }
        // a paragraph break is a blank line when read back; words of one paragraph never are
        String poppler = PdfText.readBack(pdf);
        assertThat(poppler).containsPattern("ends 1\\.\\s*\\n\\s*\\n\\s*Paragraph 2 starts");
    }

    @Test
    void longTableRepeatsItsHeaderOnEveryPageAndCutsOverlongCells(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("table.pdf");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            rows.add(List.of("row-" + i, i % 2 == 0 ? NAMES : "Ana", String.valueOf(i * 7), "enrolled"));
        }
        rows.set(10, List.of("row-11", "Very long value ".repeat(200) + "TAIL", "77", "enrolled"));
        int pages;
        try (PdfBuilder doc = new PdfBuilder("Table")) {
            doc.heading("Roster").table(List.of("Row", "Learner name", "Points", "Status"), rows);
            doc.paragraph("After the table.");
            pages = doc.pageCount();
            doc.save(pdf);
        }
        assertThat(pages).isGreaterThan(30);
        List<String> byPage = PdfText.pages(pdf);
        for (String page : byPage) {
            assertThat(page).contains("Learner name").contains("Points").contains("Status");
        }
        String poppler = PdfText.readBack(pdf);
        for (int i = 1; i <= 3000; i++) {
            assertThat(poppler).contains("row-" + i + " ");
        }
        assertThat(poppler).contains(NAMES).contains("After the table.").contains("…").doesNotContain("TAIL");
        // the header shows once per page, no more: it is not repeated row by row
        assertThat(poppler.split("Learner name", -1)).hasSize(pages + 1);
    }

    @Test
    void wideTablesFitThePageByWrappingTheWideColumns(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("wide.pdf");
        String wide = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron";
        try (PdfBuilder doc = new PdfBuilder("Wide")) {
            doc.table(List.of("Id", "Text one", "Text two"), List.of(List.of("7", wide, wide)));
            doc.save(pdf);
        }
        String text = PdfText.text(pdf).replaceAll("\\s+", " ");
        // every word is there, wrapped rather than running off the page
        for (String word : wide.split(" ")) {
            assertThat(text).contains(word);
        }
        assertThat(PdfText.readBack(pdf).lines().mapToInt(String::length).max().orElse(0)).isLessThan(160);
    }

    @Test
    void pageBreakStartsANewPageButNeverAnEmptyOne(@TempDir Path dir) throws Exception {
        try (PdfBuilder doc = new PdfBuilder("Breaks")) {
            doc.pageBreak();
            assertThat(doc.pageCount()).isLessThanOrEqualTo(1);
            doc.paragraph("one").pageBreak().pageBreak().paragraph("two").spacer().subheading("three");
            assertThat(doc.pageCount()).isEqualTo(2);
            doc.save(dir.resolve("breaks.pdf"));
        }
        List<String> pages = PdfText.pages(dir.resolve("breaks.pdf"));
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("one").doesNotContain("two");
        assertThat(pages.get(1)).contains("two").contains("three").contains("page 2 of 2");
    }

    @Test
    void anEmptyDocumentIsStillAValidOnePagePdf(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBuilder doc = new PdfBuilder("Empty")) {
            doc.save(out);
        }
        try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
            assertThat(read.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void savingToAPathReplacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("out.pdf");
        Files.writeString(pdf, "old content");
        try (PdfBuilder doc = new PdfBuilder("Atomic")) {
            doc.paragraph("new content");
            doc.save(pdf);
            assertThatThrownBy(() -> doc.paragraph("after saving")).isInstanceOf(IllegalStateException.class);
        }
        assertThat(PdfText.text(pdf)).contains("new content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.pdf");
        }
    }

    @Test
    void aWriteThatFailsLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.pdf");
        Files.writeString(target, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a docu".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
