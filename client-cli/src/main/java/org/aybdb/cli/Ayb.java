package org.aybdb.cli;

public final class Ayb {
  public static void main(String[] args) {}
}
