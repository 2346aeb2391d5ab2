/// A light, inflectional French stemmer on folded (lower-case, unaccented) ASCII words.
///
/// In the spirit of Savoy's light stemmer (UniNE, the one behind Lucene's
/// FrenchLightStemFilter): a handful of suffix rules, no dictionary. Unlike that algorithm
/// it removes only *inflection* — plural, feminine and the -é/-er verb endings — and never
/// derivational suffixes: Savoy's "-ement" and "-ation" rules merge "département" with
/// "départ" and "coopération" with "coopérer", which a legal search must keep apart.
///
/// Conflated: loi/lois, régional/régionale/régionaux, national/nationales,
/// collectivité/collectivités, européen/européenne, nouvel/nouvelle, coopératif/coopératives,
/// nombreux/nombreuses, directeur/directrice, premier/première, signer/signé/signées,
/// public/publique.
/// Kept apart: commune ≠ communication, département ≠ départ, coopération ≠ coopératives,
/// travail ≠ travaux.
///
/// Rules, in order (n = length in bytes, each rule only when the word stays long enough):
/// 1. plural: "-eaux"/"-eux"/"-oux" → drop "x"; "-aux" → "-al"; "-s" (not "-ss") → drop.
/// 2. gender: "-ive" → "-if"; "-euse" → "-eu"; "-trice" → "-teur"; otherwise a final "-e"
///    (and a second one, "-ée") is dropped, then "-ell"/"-enn"/"-onn"/"-ett" lose their
///    double consonant and a final "-s" (not "-ss") left bare is dropped ("française").
/// 3. "-er" → dropped (infinitives and "-ier/-ière", after rule 2 made them equal).
/// 4. "-qu" (left by "-que") → "-c": publique = public.
public enum FrenchLightStemmer {
    /// Stems a folded word in place; returns the new length. Words that are not pure ASCII
    /// lower-case letters are returned unchanged.
    public static func stem(_ w: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
        var n = length
        if n < 3 { return n }
        for i in 0..<n where w[i] < 0x61 || w[i] > 0x7A { return n }

        @inline(__always) func ends(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard n >= k else { return false }
            let p = s.utf8Start
            for j in 0..<k where w[n - k + j] != p[j] { return false }
            return true
        }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e"), x = UInt8(ascii: "x")

        // 1. Plural.
        if w[n - 1] == x {
            if n >= 4 && (ends("eaux") || ends("eux") || ends("oux")) {
                n -= 1
            } else if n >= 5 && ends("aux") {
                w[n - 2] = UInt8(ascii: "l")
                n -= 1
            }
        } else if w[n - 1] == s && w[n - 2] != s {
            n -= 1
        }

        // 2. Gender.
        if n >= 5 && ends("ive") {
            w[n - 2] = UInt8(ascii: "f")
            return n - 1
        }
        if n >= 6 && ends("euse") {
            return n - 2
        }
        if n >= 7 && ends("trice") {
            w[n - 4] = UInt8(ascii: "e")
            w[n - 3] = UInt8(ascii: "u")
            w[n - 2] = UInt8(ascii: "r")
            return n - 1
        }
        if n >= 4 && w[n - 1] == e {
            n -= 1
            if n >= 4 && w[n - 1] == e { n -= 1 }
            if n >= 4 && (ends("ell") || ends("enn") || ends("onn") || ends("ett")) {
                n -= 1
            } else if n >= 4 && w[n - 1] == s && w[n - 2] != s {
                n -= 1
            }
        }

        // 3. Verb and "-ier" endings.
        if n >= 5 && ends("er") {
            n -= 2
        }
        // 4. "-qu" left by "-que": "publique" = "public", "turque" = "turc".
        if n >= 5 && ends("qu") {
            w[n - 2] = UInt8(ascii: "c")
            n -= 1
        }
        return n
    }

    /// Convenience: the stem of a folded word.
    public static func stem(_ word: [UInt8]) -> [UInt8] {
        var w = word
        let n = w.withUnsafeMutableBufferPointer { stem($0.baseAddress!, $0.count) }
        return Array(w[0..<n])
    }

    /// Convenience for tests: the stem of an already folded word given as a String.
    public static func stem(_ word: String) -> String {
        guard !word.isEmpty else { return word }
        return String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}
