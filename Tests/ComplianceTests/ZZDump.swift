import Testing
import Compliance
@Test func zzdump() throws {
    for f in ["plafond-depasse.txt", "etat-etranger.txt", "aide-urgence.txt", "non-signee.txt"] {
        let r = try Fixtures.check("Tests/Fixtures/conventions/" + f)
        print(r.renderText())
    }
    print(try Fixtures.check("Tests/Fixtures/conventions/plafond-respecte.txt").jsonObject().serialized())
}
