package org.iqracity.console.documents;

/**
 * Sheet names a spreadsheet program accepts: at most 31 characters, none of {@code \ / ? * [ ] :} nor a control
 * character, and no apostrophe first or last (Excel and LibreOffice refuse a workbook that breaks one of these).
 */
public final class SheetNames {
    /** The longest sheet name Excel accepts. */
    public static final int MAX_LENGTH = 31;

    private SheetNames() {
    }

    /** {@code name} with each character a sheet name may not hold replaced by {@code replacement}, cut to 31. */
    public static String safe(String name, char replacement) {
        if (name == null || name.isEmpty()) {
            return "Sheet";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean forbidden = c < 0x20 || "\\/?*[]:".indexOf(c) >= 0
                    || c == '\'' && (out.isEmpty() || i == Math.min(name.length(), MAX_LENGTH) - 1);
            out.append(forbidden ? replacement : c);
        }
        return out.toString();
    }
}
