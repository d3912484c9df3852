package org.iqracity.console.app;

/** The main class of {@link LinuxLauncherTest}'s image: prints what the launcher gave the JVM, a line each. */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("arg=" + arg);
        }
        System.out.println("probe.app=" + System.getProperty("probe.app"));
        System.out.println("probe.option=" + System.getProperty("probe.option"));
        System.out.println("app-path=" + System.getProperty("jpackage.app-path"));
        System.out.println("class.path=" + System.getProperty("java.class.path"));
    }
}
