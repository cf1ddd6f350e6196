package org.aybdb.infrastructure.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

  /** Writes {@code text} in pieces cut at {@code cuts}, alternating String and char[] calls. */
  private static byte[] written(Writer writer, ByteArrayOutputStream bytes, String text, int[] cuts)
      throws IOException {
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? Math.max(from, Math.min(cuts[i], text.length())) : text.length();
      if (i % 2 == 0) {
        writer.write(text, from, to - from);
      } else {
        writer.write(text.toCharArray(), from, to - from);
      }
      from = to;
    }
    writer.close();
    return bytes.toByteArray();
  }

  private static void assertSameAsTheJdk(String text, int[] cuts) throws IOException {
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    assertArrayEquals(
        written(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), jdk, text, cuts),
        written(new Utf8Writer(ours), ours, text, cuts),
        text);
  }

  @Test
  void encodesAsOutputStreamWriterDoes() throws IOException {
    assertSameAsTheJdk("{\"fields\":[\"id\"],\"rows\":[[\"1\"]]}", new int[0]);
    assertSameAsTheJdk("café ☕ 𝄞 \uD83D\uDE00", new int[] {3, 9, 10});
    assertSameAsTheJdk("lone \uD800 high, lone \uDC00 low, end \uD83D", new int[] {6});
    assertSameAsTheJdk("x".repeat(1000) + "é".repeat(300), new int[] {255, 600});
  }

  @Test
  void randomTextCutAnywhere() throws IOException {
    Random random = new Random(7);
    char[] alphabet = {'a', '"', '\\', 'é', '☕', '\uD83D', '\uDE00', '\uD800', '\uDFFF', '\u07FF'};
    for (int i = 0; i < 20_000; i++) {
      char[] text = new char[random.nextInt(600)];
      for (int c = 0; c < text.length; c++) {
        text[c] = alphabet[random.nextInt(alphabet.length)];
      }
      int[] cuts = random.ints(random.nextInt(4), 0, text.length + 1).sorted().toArray();
      assertSameAsTheJdk(new String(text), cuts);
    }
  }
}
