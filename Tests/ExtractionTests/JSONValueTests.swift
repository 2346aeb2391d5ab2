import Extraction
import Foundation
import Testing

@Suite("JSON output")
struct JSONValueTests {
    @Test("Strings are escaped exactly where JSON requires and round-trip through a JSON parser")
    func escaping() throws {
        let tricky = "coopé\"ration\\ \n\t\r\u{01}\u{1F} l’État — 𝔘 fin"
        let object = JSONValue.object([("k", .string(tricky)), ("n", .int(-3)), ("x", .null), ("a", .array([.bool(true), .double(1.5)]))])
        let line = object.serialized()
        #expect(line == #"{"k":"coopé\"ration\\ \n\t\r\u0001\u001f l’État — 𝔘 fin","n":-3,"x":null,"a":[true,1.5]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(parsed?["k"] as? String == tricky)
    }

    @Test("Code-point offsets count Unicode scalars, as Python's str does")
    func codePoints() {
        let text = "Sa’a, 𝔘 et É"
        let offsets = CodePointOffsets(text)
        let bytes = Array(text.utf8)
        #expect(offsets.codePoint(atByte: 0) == 0)
        #expect(offsets.codePoint(atByte: bytes.count) == text.unicodeScalars.count)
        // "a" after the 3-byte apostrophe: byte 5 is code point 3.
        #expect(offsets.codePoint(atByte: 5) == 3)
    }
}
