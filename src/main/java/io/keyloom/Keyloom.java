package io.keyloom;

public final class Keyloom {
  private Keyloom() {}

  public static void main(String[] args) {}
}
