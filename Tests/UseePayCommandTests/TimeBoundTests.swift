import Foundation
import Testing
@testable import useepay

@Suite struct TimeBoundTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!

    @Test func aDateAloneCoversTheWholeDayInTheProfileZone() throws {
        let since = try #require(TimeBound.parse("2026-11-01", edge: .since, timeZone: seoul))
        let until = try #require(TimeBound.parse("2026-11-01", edge: .until, timeZone: seoul))
        #expect(since == Date(timeIntervalSince1970: 1_793_458_800))  // 2026-10-31T15:00:00Z
        #expect(until.timeIntervalSince(since) == 86_400)
    }

    @Test func timesUseTheProfileZoneUnlessAnOffsetIsGiven() throws {
        let local = try #require(TimeBound.parse("2026-11-01 09:30", edge: .since, timeZone: seoul))
        let utc = try #require(TimeBound.parse("2026-11-01T00:30:00Z", edge: .since, timeZone: seoul))
        let offset = try #require(TimeBound.parse("2026-11-01T09:30+09:00", edge: .since, timeZone: .gmt))
        #expect(local == utc)
        #expect(offset == utc)
    }

    @Test func garbageIsRejected() {
        for text in ["2026-13-01", "yesterdayish", "2026-11-01 25:00", "2026-02-30", "11/01/2026"] {
            #expect(TimeBound.parse(text, edge: .since, timeZone: seoul) == nil, "\(text)")
        }
    }
}
