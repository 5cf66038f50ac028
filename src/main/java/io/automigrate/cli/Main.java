package io.automigrate.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("automigrate");
    }
}
