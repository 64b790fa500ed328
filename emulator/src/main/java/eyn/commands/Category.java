package eyn.commands;

public enum Category {
    SHELL("Shell"), FILES("Files and drives"), ZERO_COPY("Zero-copy files"), MEMORY_MAPPING("Memory mapping"),
    PREDICTIVE_MEMORY("Predictive memory"), MATH("Numbers and text"),
    // the categories of the 2026 command reference
    FILESYSTEM("Filesystem"), SYSTEM("System"), NETWORK("Network"), MEMORY("Memory"), GUI("GUI/Window"),
    DEVELOPMENT("Development"), UTILITY("Utility");

    public final String title;

    Category(String title) {
        this.title = title;
    }
}
