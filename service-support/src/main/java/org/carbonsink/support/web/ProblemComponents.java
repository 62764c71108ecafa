package org.carbonsink.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problems of the API description: one {@code Problem} schema and one shared response per
 * status (as {@code application/problem+json}), which operations refer to by status.
 */
final class ProblemComponents {

    static final String PROBLEM = "Problem";

    /** The shared responses by status: their component names and what each says. */
    private static final Map<HttpStatus, String[]> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put(HttpStatus.BAD_REQUEST, new String[] { "BadRequest",
                "The request is malformed or a field breaks a rule; the problem names each field and rule" });
        RESPONSES.put(HttpStatus.UNAUTHORIZED, new String[] { "Unauthenticated",
                "No valid bearer token (none, expired, or not for this API)" });
        RESPONSES.put(HttpStatus.FORBIDDEN, new String[] { "Forbidden", "The token's holder may not do this" });
        RESPONSES.put(HttpStatus.NOT_FOUND, new String[] { "NotFound", "Nothing has the id in the path" });
        RESPONSES.put(HttpStatus.CONFLICT, new String[] { "Conflict",
                "The resource's current state does not allow this, or a request with the same Idempotency-Key is still"
                        + " running (Retry-After)" });
        RESPONSES.put(HttpStatus.CONTENT_TOO_LARGE, new String[] { "ContentTooLarge", "The request body is too large" });
        RESPONSES.put(HttpStatus.UNPROCESSABLE_CONTENT, new String[] { "Unprocessable",
                "The request is well formed but breaks a rule of the domain, or its Idempotency-Key was used for"
                        + " another request" });
        RESPONSES.put(HttpStatus.PRECONDITION_REQUIRED, new String[] { "IdempotencyKeyRequired",
                "This command cannot be undone: it needs an Idempotency-Key header" });
    }

    private ProblemComponents() {
    }

    /** Adds the Problem schema and the shared responses to {@code components}. */
    static void register(Components components) {
        components.addSchemas(PROBLEM, problem());
        RESPONSES.forEach((status, response) -> components.addResponses(response[0], answer(response[1])));
    }

    /** {@code operation} may answer {@code status} with a problem. */
    static void answers(Operation operation, HttpStatus status) {
        String[] response = RESPONSES.get(status);
        if (response == null) {
            throw new IllegalArgumentException("no shared problem response for " + status);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse(String.valueOf(status.value()), new ApiResponse().$ref(response[0]));
        operation.setResponses(responses);
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    /** RFC 9457's members, as ProblemHandler and ProblemResponses write them. */
    private static Schema<?> problem() {
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("a short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri").description("the request it happened to"));
    }
}
