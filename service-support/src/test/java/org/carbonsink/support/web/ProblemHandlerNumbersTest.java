package org.carbonsink.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A number the caller got wrong is refused in the caller's terms: a whole number field says so, and
 * names its range when the value is outside it; a decimal field says it must be a number. (Whether a
 * JSON {@code 1.5} is taken for a whole number is the mapper's setting; the services' refuse it, and
 * OrderRequestsIT shows that answer.)
 */
class ProblemHandlerNumbersTest {

    record Numbers(Long quantity, int count, Short level, byte flags, BigInteger serial, BigDecimal price,
            Double ratio) {
    }

    @RestController
    static class NumbersController {

        @PostMapping("/numbers")
        String accept(@RequestBody Numbers numbers) {
            return "ok";
        }

        @GetMapping("/numbers")
        String list(@RequestParam(defaultValue = "10") int limit) {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new NumbersController())
            .setControllerAdvice(new ProblemHandler()).build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            quantity | "1.5"                         | must be a whole number
            quantity | "ten"                         | must be a whole number
            quantity | true                          | must be a whole number
            quantity | 99999999999999999999          | must be a whole number from -9223372036854775808 to 9223372036854775807
            quantity | "99999999999999999999"        | must be a whole number from -9223372036854775808 to 9223372036854775807
            count    | 3000000000                    | must be a whole number from -2147483648 to 2147483647
            count    | "x"                           | must be a whole number
            level    | 40000                         | must be a whole number from -32768 to 32767
            flags    | 300                           | must be a whole number from -128 to 127
            serial   | "abc"                         | must be a whole number
            serial   | "1.5"                         | must be a whole number
            price    | "cheap"                       | must be a number
            ratio    | "half"                        | must be a number
            """)
    void refusesABadNumberInTheCallersTerms(String field, String json, String message) throws Exception {
        mvc.perform(post("/numbers").contentType(MediaType.APPLICATION_JSON).content("{\"" + field + "\":" + json + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemHandler.TYPE_PREFIX + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            many        | must be a whole number
            1.5         | must be a whole number
            99999999999 | must be a whole number from -2147483648 to 2147483647
            """)
    void refusesABadNumberInAQueryInTheCallersTerms(String limit, String message) throws Exception {
        mvc.perform(get("/numbers").param("limit", limit))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }
}
