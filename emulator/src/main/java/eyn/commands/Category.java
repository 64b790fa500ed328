package eyn.commands;

public enum Category {
    SHELL("Shell"), FILES("Files and drives"), ZERO_COPY("Zero-copy files"), MEMORY_MAPPING("Memory mapping"),
    PREDICTIVE_MEMORY("Predictive memory"), MATH("Numbers and text");

    public final String title;

    Category(String title) {
        this.title = title;
    }
}
