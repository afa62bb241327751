import ShopData

/// Loads an entities file on its own (for `intent predict` without the whole `Intents/`).
public enum EntityCatalog {
    public static func load(file: String, schema: String) throws -> EntityExtractor {
        let validator = try XMLSchemaValidator(schemaPath: schema)
        return EntityExtractor(definitions: try EntityFileReader.read(try validator.parseAndValidate(file)))
    }
}
