package org.carbonsink.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Both languages say everything the pages ask for: no key shows up raw in either language. */
class I18nBundlesTest {

    private static final Path ROOT = Path.of("src/main/resources/explorer");
    /** A quoted 'group.name' in the pages' code; file names (projects.csv) are not keys. */
    private static final Pattern KEY = Pattern.compile("['\"]([a-z]+\\.[a-zA-Z]+)['\"]");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(bundle("zh-CN").keySet()).containsExactlyInAnyOrderElementsOf(bundle("en").keySet());
    }

    @Test
    void everyKeyThePagesUseIsInBothLanguages() throws IOException {
        Map<String, String> en = bundle("en");
        Set<String> groups = new TreeSet<>();
        en.keySet().forEach(key -> groups.add(key.substring(0, key.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (groups.contains(key.substring(0, key.indexOf('.'))) && !key.endsWith(".csv")) {
                        used.add(key);
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(en.keySet()).containsAll(used);
        assertThat(bundle("zh-CN").keySet()).containsAll(used);
    }

    @Test
    void chineseTextIsChinese() throws IOException {
        Map<String, String> zh = bundle("zh-CN");
        Map<String, String> en = bundle("en");
        assertThat(zh.get("nav.projects")).isEqualTo("项目");
        long untranslated = zh.entrySet().stream()
                .filter(e -> e.getValue().equals(en.get(e.getKey())) && e.getValue().matches(".*[a-z]{4,}.*"))
                .count();
        assertThat(untranslated).isZero();
    }

    private static Map<String, String> bundle(String language) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("assets/i18n/" + language + ".json"))) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, String>>() {
            });
        }
    }
}
