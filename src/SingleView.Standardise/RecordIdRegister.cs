namespace SingleView.Standardise;

/// <summary>
/// The record ids seen so far in one delivery, each with the line it was first on, for the duplicate
/// check. A delivery can hold millions of rows, so ids are not kept as strings (an object per row, all
/// surviving to the oldest GC generation and traced by every full collection): each id's characters go
/// into large shared blocks, indexed by a 64-bit hash. The check stays exact: a hash hit is confirmed
/// against the stored characters, and the rare different id with the same hash is kept in a plain
/// dictionary of its own. Memory still grows with the delivery (about 40 bytes a row plus the id's
/// characters, and up to half as much again while the table grows): an exact check has to remember
/// every id. <see cref="RecordIdScreen"/> therefore screens a delivery first in flat memory, and a
/// register is used only when the screen found repeated hashes, given those hashes as
/// <paramref name="onlyHashes"/>: it then keeps just the ids that may be duplicated.
/// </summary>
/// <param name="hash">The id hash; only tests give another, to force collisions.</param>
/// <param name="onlyHashes">When given, an id whose <see cref="Hash"/> is not in it is unique (the screen
/// saw its hash once) and is accepted without being kept.</param>
internal sealed class RecordIdRegister(Func<string, ulong>? hash = null, IReadOnlySet<ulong>? onlyHashes = null)
{
    private const int BlockShift = 16;
    private const int BlockSize = 1 << BlockShift;
    private readonly Dictionary<ulong, Entry> byHash = [];
    private readonly Dictionary<string, long> sameHashOtherId = new(StringComparer.Ordinal);
    private readonly List<char[]> blocks = [];
    private readonly Func<string, ulong> hash = hash ?? Hash;
    private int used = BlockSize;

    /// <summary>Records <paramref name="recordId"/> at <paramref name="lineNumber"/>; false, with the first line, when it was seen before.</summary>
    public bool TryAdd(string recordId, long lineNumber, out long firstLine)
    {
        if (onlyHashes is not null && !onlyHashes.Contains(Hash(recordId)))
        {
            firstLine = lineNumber;
            return true;
        }

        var key = hash(recordId);
        if (!byHash.TryGetValue(key, out var entry))
        {
            byHash.Add(key, Store(recordId, lineNumber));
            firstLine = lineNumber;
            return true;
        }

        if (Characters(entry).SequenceEqual(recordId))
        {
            firstLine = entry.Line;
            return false;
        }

        if (sameHashOtherId.TryGetValue(recordId, out firstLine)) return false;
        sameHashOtherId.Add(recordId, lineNumber);
        firstLine = lineNumber;
        return true;
    }

    private Entry Store(string recordId, long lineNumber)
    {
        // An id longer than a block (never, in practice: a row is at most 64 KiB) gets a block of its own.
        if (used + recordId.Length > BlockSize || blocks.Count == 0)
        {
            blocks.Add(new char[Math.Max(BlockSize, recordId.Length)]);
            used = 0;
        }

        recordId.CopyTo(blocks[^1].AsSpan(used));
        var entry = new Entry(lineNumber, blocks.Count - 1, used, recordId.Length);
        used += recordId.Length;
        return entry;
    }

    private ReadOnlySpan<char> Characters(Entry entry) => blocks[entry.Block].AsSpan(entry.Offset, entry.Length);

    // FNV-1a over the characters, then a 64-bit finaliser (MurmurHash3's) so that ids differing only in
    // their last characters (LCS00000001, LCS00000002) spread over all the bits.
    internal static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private readonly record struct Entry(long Line, int Block, int Offset, int Length);
}
