/// A dictionary split by hash into many small ones, so that changing one entry of a copy copies only
/// that entry's shard (and the array of shard references), not every entry.
///
/// Why: a whole-day feed keeps the facts of every payment of the day inside `ConsoleState`, a value the
/// store and the terminal share. With a plain `Dictionary`, the first change after each frame copied the
/// whole dictionary (copy-on-write saw the terminal's reference), so summing a day was quadratic:
/// 82 s for 100,000 payments, 41% of it in `_NativeDictionary.copy`. With 4,096 shards a page of 100
/// changes copies at most 100 shards of about n/4,096 entries each.
public struct ShardedDictionary<Key: Hashable, Value> {
    private static var shardCount: Int { 4096 }
    private var shards: [[Key: Value]] = Array(repeating: [:], count: Self.shardCount)
    public private(set) var count = 0

    public init() {}

    private func shard(_ key: Key) -> Int { Int(UInt(bitPattern: key.hashValue) % UInt(Self.shardCount)) }

    public subscript(key: Key) -> Value? {
        get { shards[shard(key)][key] }
        set {
            let index = shard(key)
            if let newValue {
                if shards[index].updateValue(newValue, forKey: key) == nil { count += 1 }
            } else if shards[index].removeValue(forKey: key) != nil {
                count -= 1
            }
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Every value, in no particular order.
    public var values: some Sequence<Value> { shards.lazy.flatMap(\.values) }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}
