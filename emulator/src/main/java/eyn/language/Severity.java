package eyn.language;

public enum Severity { ERROR, WARNING, INFO }
