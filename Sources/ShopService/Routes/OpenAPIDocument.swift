/// The OpenAPI 3.1 description of the routes `ShopService.router()` serves (`/openapi.json`).
/// A test checks that every path here is routed and every route is here.
enum OpenAPIDocument {
    static let paths = [
        "/v1/sentiment", "/v1/intent", "/v1/chat", "/v1/chat/{session}", "/v1/describe", "/v1/lint",
        "/v1/recommend/{user}", "/v1/similar/{item}", "/v1/similar", "/healthz", "/readyz", "/metrics", "/openapi.json",
        "/admin/reload",
        // the console's routes
        "/v1/chat/intents", "/v1/chat/replay", "/v1/chat/{session}/conv", "/v1/chat/{session}/transcript",
        "/v1/chat/{session}/correct", "/v1/describe/file",
    ]

    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "ShopNLP service",
    "version": "1.0.0",
    "description": "Review sentiment, intents, the support chatbot, product blurbs, copy lint and recommendations over HTTP/JSON. Errors are {\"error\": {\"status\", \"message\", \"field\"}}."
  },
  "paths": {
    "/v1/sentiment": {
      "post": {
        "summary": "Tag reviews (positive/negative) in input order; a bad record gets an error in its place.",
        "operationId": "sentiment",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SentimentRequest"}}}},
        "responses": {
          "200": {"description": "One result per text or record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/intent": {
      "post": {
        "summary": "Classify utterances: intent, confidence, alternatives, entities.",
        "operationId": "intent",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["texts"],
          "properties": {"texts": {"type": "array", "maxItems": 1024, "items": {"type": "string"}}}
        }}}},
        "responses": {
          "200": {"description": "One result per text", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat": {
      "post": {
        "summary": "One chat turn. Omit session to start one; an expired or evicted session is replaced and the reply says so (new_session, session_reset).",
        "operationId": "chat",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["message"],
          "properties": {
            "session": {"type": "string"},
            "message": {"type": "string", "minLength": 1},
            "lang": {"type": "string", "enum": ["zh", "en"]},
            "explain": {"type": "boolean"}
          }
        }}}},
        "responses": {
          "200": {"description": "The reply and what was understood", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatTurn"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{session}": {
      "delete": {
        "summary": "End a chat session.",
        "operationId": "endChat",
        "parameters": [{"name": "session", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "Ended", "content": {"application/json": {"schema": {"type": "object", "properties": {"ended": {"type": "boolean"}}}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/v1/chat/intents": {"get": {"summary": "The intents the bot knows (for the console's correction menu).", "operationId": "chatIntents", "responses": {
      "200": {"description": "Names and domains", "content": {"application/json": {"schema": {"type": "object", "properties": {"intents": {"type": "array", "items": {"type": "object"}}}}}}},
      "503": {"$ref": "#/components/responses/Unavailable"}
    }}},
    "/v1/chat/replay": {
      "post": {
        "summary": "Replay a .conv conversation test (Intents/tests/FORMAT.md) on fresh dialogue state; each turn passed or failed with the failed expectations.",
        "operationId": "chatReplay",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["conv"], "properties": {"conv": {"type": "string"}}
        }}}},
        "responses": {
          "200": {"description": "Per-turn results", "content": {"application/json": {"schema": {"type": "object", "properties": {
            "passed": {"type": "integer"}, "failed": {"type": "integer"}, "results": {"type": "array", "items": {"type": "object"}}
          }}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{session}/conv": {
      "get": {
        "summary": "A live session as a .conv test, customer data replaced by fictional data.",
        "operationId": "chatExportConv",
        "parameters": [{"name": "session", "in": "path", "required": true, "schema": {"type": "string"}},
                       {"name": "title", "in": "query", "required": false, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": ".conv text", "content": {"text/plain": {"schema": {"type": "string"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{session}/transcript": {
      "get": {
        "summary": "A live session as a redacted transcript (customer: / assistant: lines, customer data as [PHONE], [EMAIL], …).",
        "operationId": "chatExportTranscript",
        "parameters": [{"name": "session", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "Transcript text", "content": {"text/plain": {"schema": {"type": "string"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{session}/correct": {
      "post": {
        "summary": "Re-label the session's last turn and append its message, redacted, to the pending-examples file.",
        "operationId": "chatCorrect",
        "parameters": [{"name": "session", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["intent"], "properties": {"intent": {"type": "string"}}
        }}}},
        "responses": {
          "200": {"description": "Corrected", "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/describe/file": {
      "post": {
        "summary": "Blurbs for a whole product file (JSON Lines, CSV or Google Merchant XML) read by describe's readers; unreadable records and products without a title are listed in errors.",
        "operationId": "describeFile",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["format", "content"],
          "properties": {
            "format": {"type": "string", "enum": ["jsonl", "csv", "xml"]},
            "content": {"type": "string"},
            "reviews": {"type": "string"},
            "lang": {"type": "string", "enum": ["zh", "en"]},
            "tone": {"type": "string", "enum": ["plain", "lively", "premium"]},
            "variants": {"type": "integer", "minimum": 1, "maximum": 50},
            "max_chars": {"type": "integer", "minimum": 10, "maximum": 100000},
            "seed": {"type": "integer", "minimum": 0, "maximum": 2147483647}
          }
        }}}},
        "responses": {
          "200": {"description": "One result per product read, and the records skipped", "content": {"application/json": {"schema": {"type": "object", "required": ["results", "errors"], "properties": {
            "results": {"type": "array", "items": {"type": "object"}}, "errors": {"type": "array", "items": {"type": "object"}}
          }}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/describe": {
      "post": {
        "summary": "Product blurbs from attributes, as `shopnlp describe` writes them.",
        "operationId": "describe",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["products"],
          "properties": {
            "products": {"type": "array", "maxItems": 1024, "items": {"type": "object", "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "brand": {"type": "string"}, "category": {"type": "string"},
              "price": {"type": "string"}, "specs": {"type": "object"}, "features": {"type": "array", "items": {"type": "string"}},
              "lang": {"type": "string", "enum": ["zh", "en"]}
            }}},
            "lang": {"type": "string", "enum": ["zh", "en"]},
            "tone": {"type": "string", "enum": ["plain", "lively", "premium"]},
            "variants": {"type": "integer", "minimum": 1, "maximum": 50},
            "max_chars": {"type": "integer", "minimum": 10, "maximum": 100000},
            "seed": {"type": "integer", "minimum": 0, "maximum": 2147483647}
          }
        }}}},
        "responses": {
          "200": {"description": "One result per product (or an error naming the product's field)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/lint": {
      "post": {
        "summary": "Banned advertising terms in a text (compliance lists).",
        "operationId": "lint",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}
        }}}},
        "responses": {
          "200": {"description": "Hits with 1-based code-point column and length", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"clean": {"type": "boolean"}, "hits": {"type": "array", "items": {"type": "object"}}}
          }}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/recommend/{user}": {
      "get": {
        "summary": "Top items for a user (needs a recommender model).",
        "operationId": "recommend",
        "parameters": [
          {"name": "user", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "k", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Items and scores", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/similar/{item}": {
      "get": {
        "summary": "Items most similar to an item (needs a recommender model).",
        "operationId": "similarItem",
        "parameters": [
          {"name": "item", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "k", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Items and scores", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/similar": {
      "post": {
        "summary": "Known items nearest to the text of a new item (cold start; needs a recommender model).",
        "operationId": "similarText",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["text"],
          "properties": {"text": {"type": "string"}, "k": {"type": "integer", "minimum": 1, "maximum": 1000}}
        }}}},
        "responses": {
          "200": {"description": "Items and similarities", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/healthz": {"get": {"summary": "The process is up.", "operationId": "healthz", "responses": {"200": {"description": "Alive", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    "/readyz": {"get": {"summary": "Models loaded, with their versions.", "operationId": "readyz", "responses": {
      "200": {"description": "Ready", "content": {"application/json": {"schema": {"type": "object"}}}},
      "503": {"description": "Still loading", "content": {"application/json": {"schema": {"type": "object"}}}}
    }}},
    "/metrics": {"get": {"summary": "Prometheus text: requests, latency histograms per route, live sessions, model versions.", "operationId": "metrics", "responses": {"200": {"description": "Metrics", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
    "/openapi.json": {"get": {"summary": "This document.", "operationId": "openapi", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    "/admin/reload": {
      "post": {
        "summary": "Re-read Models/ and Intents/ and swap them in atomically. Needs Authorization: Bearer $SHOPNLP_ADMIN_TOKEN; 404 when no token is configured.",
        "operationId": "reload",
        "security": [{"bearer": []}],
        "responses": {
          "200": {"description": "Reloaded", "content": {"application/json": {"schema": {"type": "object"}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Error"},
          "500": {"$ref": "#/components/responses/Error"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "SentimentRequest": {
        "type": "object",
        "properties": {
          "texts": {"type": "array", "maxItems": 1024, "items": {"type": "string"}},
          "records": {"type": "array", "maxItems": 1024, "items": {"type": "object", "required": ["text"], "properties": {
            "id": {"type": ["string", "integer"]}, "text": {"type": "string"}
          }}},
          "explain": {"type": "boolean"},
          "aspects": {"type": "boolean"}
        },
        "oneOf": [{"required": ["texts"]}, {"required": ["records"]}]
      },
      "Results": {"type": "object", "required": ["results"], "properties": {"results": {"type": "array", "items": {"type": "object"}}}},
      "ChatTurn": {
        "type": "object",
        "required": ["session", "reply", "intent", "confidence", "entities", "slots", "handoff", "urgency", "new_session"],
        "properties": {
          "session": {"type": "string"}, "reply": {"type": "string"}, "intent": {"type": "string"},
          "confidence": {"type": "number"}, "entities": {"type": "array", "items": {"type": "object"}},
          "slots": {"type": "object"}, "handoff": {"type": "boolean"}, "urgency": {"type": "number"},
          "lang": {"type": "string"}, "new_session": {"type": "boolean"}, "session_reset": {"type": "string"}, "notice": {"type": "string"},
          "alternatives": {"type": "array", "items": {"type": "object"}}, "classifier_intent": {"type": "string"}, "resolution": {"type": "string"},
          "escalated": {"type": "boolean"}, "asks": {"type": "string"}, "confirms": {"type": "string"}, "variant": {"type": "integer"},
          "choices": {"type": "array", "items": {"type": "string"}}, "words": {"type": "array", "items": {"type": "object"}}
        }
      },
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {
          "status": {"type": "integer"}, "message": {"type": "string"}, "field": {"type": "string"}
        }}}
      }
    },
    "responses": {
      "Error": {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "BadRequest": {"description": "Malformed JSON, a wrong type or a missing member (field names it)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such route, id or model", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "Body over --max-body or batch over 1,024 items", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "Models still loading, or the per-request time limit ran out", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  }
}
"""#
}
