import Foundation
import Testing
@testable import Extraction

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 examples, on both the portable path and the processor's SHA instructions.
    @Test(arguments: [false, true])
    func standardVectors(portable: Bool) {
        func hex(_ bytes: [UInt8]) -> String {
            var h = SHA256(portable: portable)
            h.update(bytes)
            return h.finalizeHex()
        }
        #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Random inputs fed in random pieces: both paths give the same digest, and a copied
    /// hasher (a feed item's `bytes + "#" + key`) forks the state.
    @Test func pathsAgreeOnRandomInputs() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0...3000, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var fast = SHA256()
            var portable = SHA256(portable: true)
            var i = 0
            while i < n {
                let k = min(n - i, Int.random(in: 1...200, using: &rng))
                fast.update(bytes[i..<(i + k)])
                portable.update(bytes[i..<(i + k)])
                i += k
            }
            var forkFast = fast
            var forkPortable = portable
            forkFast.update(Array("#item".utf8))
            forkPortable.update(Array("#item".utf8))
            #expect(fast.finalizeHex() == portable.finalizeHex())
            #expect(forkFast.finalizeHex() == forkPortable.finalizeHex())
        }
    }

    /// A shipped file's id is the digest `sha256sum` prints for it.
    @Test func corpusFileDigest() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: XMLFixtures.path("Corpus/flux/actualites-aect.rss")))
        var h = SHA256()
        h.update(data)
        #expect(h.finalizeHex() == "d74b53cb81efd5fbc5c95720eee4d74db924882020b11122e1f04fe18ba68a94")
    }
}
