package org.aybdb.sandbox.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One SQLite value as it travels in the protocol: a bound parameter on its way to the daemon, or a
 * typed result cell on its way back. The five variants are SQLite's storage classes.
 */
public sealed interface Value {

  /** The wire tag of this value's storage class. */
  int tag();

  /** SQL NULL. */
  record Null() implements Value {
    public static final Null INSTANCE = new Null();

    @Override
    public int tag() {
      return NULL_TAG;
    }
  }

  /** A 64-bit INTEGER. */
  record Int(long value) implements Value {
    @Override
    public int tag() {
      return INTEGER_TAG;
    }
  }

  /** A REAL (IEEE double). */
  record Real(double value) implements Value {
    @Override
    public int tag() {
      return REAL_TAG;
    }
  }

  /** TEXT. */
  record Text(String value) implements Value {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int tag() {
      return TEXT_TAG;
    }
  }

  /** A BLOB (the array is not copied: do not change it afterwards). */
  record Blob(byte[] value) implements Value {
    public Blob {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int tag() {
      return BLOB_TAG;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Blob b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Blob[" + value.length + " bytes]";
    }
  }

  int NULL_TAG = 0;
  int INTEGER_TAG = 1;
  int REAL_TAG = 2;
  int TEXT_TAG = 3;
  int BLOB_TAG = 4;
}
