/// Typed, validating access to a JSON request body. Failures become 400s whose `source` names the field.
struct JSONBody: Sendable {
    let fields: [String: SandboxJSON]
    /// Prefix for nested objects so `source` reads `payment_method_data.card.number`.
    let path: String

    init(_ fields: [String: SandboxJSON], path: String = "") {
        self.fields = fields
        self.path = path
    }

    static func parse(_ json: SandboxJSON?) throws(APIError) -> JSONBody {
        guard let json else { return JSONBody([:]) }
        // PHP encodes an empty parameter array as `[]`; UseePay's PHP SDK sends it on capture(id),
        // cancel(id) and confirm(id) without parameters. It means "no fields".
        if case .array(let items) = json, items.isEmpty { return JSONBody([:]) }
        guard case .object(let fields) = json else {
            throw APIError.invalidArgument(nil, "the request body must be a JSON object")
        }
        return JSONBody(fields)
    }

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func has(_ key: String) -> Bool {
        if let value = fields[key], !value.isNull { return true }
        return false
    }

    func string(_ key: String, required: Bool = false, maxLength: Int = 10_000) throws(APIError) -> String? {
        guard let value = fields[key], !value.isNull else {
            if required { throw APIError.fieldRequired(name(key)) }
            return nil
        }
        guard case .string(let text) = value else { throw APIError.invalidArgument(name(key), "\(name(key)) must be a string") }
        if required && text.isEmpty { throw APIError.fieldRequired(name(key)) }
        guard text.count <= maxLength else {
            throw APIError.invalidArgument(name(key), "\(name(key)) must be at most \(maxLength) characters")
        }
        return text
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case .bool(let flag) = value else { throw APIError.invalidArgument(name(key), "\(name(key)) must be true or false") }
        return flag
    }

    func integer(_ key: String, range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            throw APIError.invalidArgument(name(key), "\(name(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func object(_ key: String, required: Bool = false) throws(APIError) -> JSONBody? {
        guard let value = fields[key], !value.isNull else {
            if required { throw APIError.fieldRequired(name(key)) }
            return nil
        }
        guard case .object(let nested) = value else { throw APIError.invalidArgument(name(key), "\(name(key)) must be an object") }
        return JSONBody(nested, path: name(key))
    }

    /// A free-form object stored exactly as given (metadata, order, address…).
    func rawObject(_ key: String) throws(APIError) -> SandboxJSON? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case .object = value else { throw APIError.invalidArgument(name(key), "\(name(key)) must be an object") }
        return value
    }

    func stringArray(_ key: String, required: Bool = false) throws(APIError) -> [String]? {
        guard let value = fields[key], !value.isNull else {
            if required { throw APIError.fieldRequired(name(key)) }
            return nil
        }
        guard case .array(let items) = value else { throw APIError.invalidArgument(name(key), "\(name(key)) must be an array of strings") }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw APIError.invalidArgument(name(key), "\(name(key)) must be an array of strings") }
            strings.append(text)
        }
        return strings
    }

    func currency(_ key: String = "currency", required: Bool = true) throws(APIError) -> String? {
        guard let code = try string(key, required: required) else { return nil }
        guard SandboxCurrency.isValidCode(code) else {
            throw APIError.invalidArgument(name(key), "\(name(key)) must be a three-letter ISO 4217 code")
        }
        return code.uppercased()
    }

    /// A positive amount in major units; JSON numbers only, at most the currency's fraction digits.
    func amount(_ key: String, currency: String, required: Bool) throws(APIError) -> MinorAmount? {
        guard let value = fields[key], !value.isNull else {
            if required { throw APIError.fieldRequired(name(key)) }
            return nil
        }
        guard case .number(let text) = value else {
            throw APIError.invalidArgument(name(key), "\(name(key)) must be a JSON number in major units (e.g. 10.50)")
        }
        let exponent = SandboxCurrency.exponent(of: currency)
        let amount: MinorAmount
        do throws(MinorAmount.ParseFailure) {
            amount = try MinorAmount.parse(text, exponent: exponent)
        } catch {
            switch error {
            case .tooManyFractionDigits:
                throw APIError.invalidArgument(name(key), "\(name(key)) has more decimal places than \(currency) allows (\(exponent))")
            case .tooLarge:
                throw APIError.invalidArgument(name(key), "\(name(key)) is too large")
            case .notANumber:
                throw APIError.invalidArgument(name(key), "\(name(key)) must be a plain decimal number without exponent")
            }
        }
        guard amount.units > 0 else { throw APIError.invalidArgument(name(key), "\(name(key)) must be greater than 0") }
        return amount
    }
}
