import Foundation
import Testing

@testable import Extraction

@Suite("PDF page workers")
struct PDFPageWorkersTests {
    @Test("Pages read by several threads give exactly the document one thread gives")
    func sameDocument() throws {
        for relative in [PDFFixtures.brochure, PDFFixtures.convention, "Tests/Fixtures/pdf/two-columns.pdf"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: PDFFixtures.path(relative)))
            let one = try DocumentExtractor(pdfPageWorkers: 1).extract(data: data, path: relative)
            for workers in [2, 3, 4] {
                let many = try DocumentExtractor(pdfPageWorkers: workers).extract(data: data, path: relative)
                #expect(many == one, "\(relative), \(workers) workers")
            }
        }
    }

    @Test("Automatic count: the cores, at most 4, one per 8 pages; COOPLEX_PDF_WORKERS overrides the cores")
    func automaticCount() {
        let none: [String: String] = [:]
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 6, environment: none, cores: 2) == 1)
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 16, environment: none, cores: 2) == 2)
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 301, environment: none, cores: 2) == 2)
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 301, environment: none, cores: 16) == 4)
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 24, environment: none, cores: 16) == 3)
        let off = ["COOPLEX_PDF_WORKERS": "1"]
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 301, environment: off, cores: 2) == 1)
        let three = ["COOPLEX_PDF_WORKERS": "3"]
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 301, environment: three, cores: 2) == 3)
        #expect(PDFExtractor.workerCount(requested: nil, pageCount: 301, environment: ["COOPLEX_PDF_WORKERS": "x"], cores: 2) == 2)
    }

    @Test("An explicit count wins over the environment and the page threshold")
    func explicitCount() {
        let three = ["COOPLEX_PDF_WORKERS": "3"]
        #expect(PDFExtractor.workerCount(requested: 1, pageCount: 301, environment: three, cores: 2) == 1)
        #expect(PDFExtractor.workerCount(requested: 3, pageCount: 6, environment: [:], cores: 2) == 3)
        #expect(PDFExtractor.workerCount(requested: 8, pageCount: 2, environment: [:], cores: 2) == 2)
        #expect(PDFExtractor.workerCount(requested: 8, pageCount: 301, environment: [:], cores: 2) == 4)
        #expect(PDFExtractor.workerCount(requested: 0, pageCount: 301, environment: [:], cores: 2) == 1)
    }
}
