package com.tabletalk.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * How a body that is not the JSON expected is put to the client: a clear sentence, never Jackson's own text or
 * class names. For REST bodies through {@link Failures} and for live messages alike.
 */
public final class JsonExceptionMapper {

    private JsonExceptionMapper() {}

    public static String describe(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException) {
            return "The JSON body is nested too deeply or holds a value that is too long.";
        }
        if (exception instanceof JsonParseException) {
            return "The body is not valid JSON.";
        }
        if (exception instanceof InvalidTypeIdException invalidType) {
            return invalidType.getTypeId() == null
                    ? "The message needs a \"type\"."
                    : "Unknown type '" + safe(invalidType.getTypeId()) + "'.";
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + safe(unknown.getPropertyName()) + "'.";
        }
        if (exception instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has a value that is not allowed.";
        }
        if (exception instanceof MismatchedInputException mismatched) {
            String path = path(mismatched);
            return path.isEmpty() ? "The body must be a JSON object." : "Field '" + path + "' has the wrong type.";
        }
        return "The body could not be read as the expected JSON.";
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? safe(reference.getFieldName())
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** Field names come from the client: keep them short and printable before echoing them. */
    public static String safe(String name) {
        if (name == null) {
            return "";
        }
        String printable = name.replaceAll("[^A-Za-z0-9_\\-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
