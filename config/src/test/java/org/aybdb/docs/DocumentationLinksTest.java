package org.aybdb.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown (README.md, CONTRIBUTING.md, docs/, the modules'
 * READMEs) leads to a file that exists, and every {@code #anchor} to a heading of its page, so that
 * moving or renaming a section cannot leave a newcomer at a dead end.
 */
class DocumentationLinksTest {

  /**
   * Pages other branches are writing; links to them are allowed before they arrive. Remove a name
   * once its file is on main.
   */
  static final Set<String> PAGES_TO_COME = Set.of();

  private static final Parser MARKDOWN =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private final Path root = repositoryRoot();
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  @Test
  void everyRelativeLinkResolves() {
    List<String> broken = new ArrayList<>();
    List<Path> pages = markdownPages();
    assertTrue(pages.contains(root.resolve("README.md")), "README.md is checked");
    assertTrue(pages.contains(root.resolve("docs/architecture.md")), "docs/ is checked");
    for (Path page : pages) {
      for (String target : links(parse(page))) {
        problem(page, target).ifPresent(p -> broken.add(root.relativize(page) + ": " + p));
      }
    }
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void headingsBecomeGitHubAnchors() {
    assertEquals(
        "query-bodies-beyond-aybs-v1-bound-parameters-typed-results-atomic-batches",
        slug("Query bodies beyond ayb's v1: bound parameters, typed results, atomic batches"));
    assertEquals("the-ayb-client-command-line", slug("The ayb client command line"));
    assertEquals("security-model-the-http-edge", slug("Security model: the HTTP edge"));
  }

  @Test
  void aMissingFileAndAMissingAnchorAreReported() throws IOException {
    Path page = Files.createTempFile(Path.of("target").toAbsolutePath(), "links", ".md");
    try {
      Files.writeString(page, "# Title\n\n[a](no-such-file.md) [b](#nowhere) [c](#title)\n");
      List<String> problems =
          links(parse(page)).stream()
              .map(t -> problem(page, t))
              .flatMap(java.util.Optional::stream)
              .toList();
      assertEquals(2, problems.size(), problems.toString());
      assertTrue(problems.get(0).contains("no-such-file.md"), problems.get(0));
      assertTrue(problems.get(1).contains("#nowhere"), problems.get(1));
    } finally {
      Files.delete(page);
    }
  }

  private java.util.Optional<String> problem(Path page, String target) {
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return java.util.Optional.empty(); // https:, mailto: ... are not checked here
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    String relative = root.relativize(resolved).toString().replace('\\', '/');
    if (!resolved.startsWith(root)) {
      return java.util.Optional.of(target + " leaves the repository");
    }
    if (!Files.exists(resolved)) {
      return PAGES_TO_COME.contains(relative)
          ? java.util.Optional.empty()
          : java.util.Optional.of(target + " (no file " + relative + ")");
    }
    if (anchor != null && resolved.toString().endsWith(".md")) {
      if (!anchors(resolved).contains(anchor)) {
        return java.util.Optional.of(target + " (no heading #" + anchor + " in " + relative + ")");
      }
    }
    return java.util.Optional.empty();
  }

  private Set<String> anchors(Path page) {
    return anchors.computeIfAbsent(
        page,
        p -> {
          Set<String> found = new java.util.HashSet<>();
          parse(p)
              .accept(
                  new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                      found.add(slug(text(heading)));
                    }
                  });
          return found;
        });
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
        .replace(' ', '-');
  }

  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            out.append(code.getLiteral());
          }
        });
    return out.toString();
  }

  private static List<String> links(Node document) {
    List<String> targets = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            targets.add(link.getDestination());
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            targets.add(image.getDestination());
          }
        });
    return targets;
  }

  private static Node parse(Path page) {
    try {
      return MARKDOWN.parse(Files.readString(page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> markdownPages() {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> pages =
          files
              .filter(p -> p.toString().endsWith(".md"))
              .filter(
                  p ->
                      !root.relativize(p)
                          .toString()
                          .matches("(^|.*/)(target|node_modules|\\..*)/.*"))
              .sorted()
              .collect(Collectors.toList());
      assertFalse(pages.isEmpty());
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder holding mvnw and docs/, found from the module's working directory. */
  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
  }
}
