package io.github.mpeventloop.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * This application is made of the README's "Spring Boot" section and nothing else: every fenced
 * {@code java} block there is, verbatim, one whole source file of this module (its main sources
 * and its {@code com.example.primes} tests), every such file is a block, and the section's one
 * {@code yaml} block is its {@code application.yml}. So the README's snippets compile, run (this
 * module's tests and {@code ReadmeAppJarIT}) and cannot drift from what is tested.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "..", "README.md");
    private static final String SECTION = "## Spring Boot";
    private static final Pattern FENCE = Pattern.compile("^```(\\w+)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void everyJavaSnippetOfTheSpringBootSectionIsOneWholeSourceFileAndEveryFileIsASnippet() throws IOException {
        List<String> snippets = snippets("java");
        Map<String, String> sources = new TreeMap<>();
        sources.putAll(javaFiles(Path.of("src", "main", "java")));
        sources.putAll(javaFiles(Path.of("src", "test", "java", "com", "example")));

        assertThat(snippets).as("java snippets of the README's Spring Boot section").hasSizeGreaterThanOrEqualTo(6)
            .allSatisfy(snippet -> assertThat(snippet).startsWith("package com.example.primes;"));
        assertThat(snippets).as("every snippet is a source file of examples/readme-app")
            .allSatisfy(snippet -> assertThat(sources.values()).contains(snippet));
        assertThat(sources).as("every source file of examples/readme-app is a README snippet")
            .allSatisfy((file, text) -> assertThat(snippets).as(file).contains(text));
    }

    @Test
    void theYamlSnippetOfTheSpringBootSectionIsTheApplicationYml() throws IOException {
        assertThat(snippets("yaml")).containsExactly(read(Path.of("src", "main", "resources", "application.yml")));
    }

    private static List<String> snippets(String language) throws IOException {
        assertThat(README).as("the repository's README, from examples/readme-app").isRegularFile();
        String readme = read(README);
        int start = readme.indexOf("\n" + SECTION + "\n");
        assertThat(start).as("section '%s' of the README", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length() + 2);
        String section = readme.substring(start, (end < 0) ? readme.length() : end);
        Matcher fences = FENCE.matcher(section);
        List<String> snippets = new java.util.ArrayList<>();
        while (fences.find()) {
            if (fences.group(1).equals(language)) {
                snippets.add(fences.group(2));
            }
        }
        return snippets;
    }

    private static Map<String, String> javaFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(path.toString(), read(path));
            }
        }
        return files;
    }

    /** The text with Unix line ends, so that a checkout with CRLF compares equal. */
    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
