using SingleView.Ingest.Zones;

namespace SingleView.Standardise;

/// <summary>
/// The first, flat-memory look for duplicated record ids in a delivery: each id's 64-bit hash is kept
/// in a fixed-size buffer, sorted and spilled to a temporary file whenever it fills, and at the end the
/// sorted runs are merged to find the hashes that occur more than once. Memory stays the same whatever
/// the size of the delivery. Equal hashes only say "perhaps": the caller confirms them exactly with a
/// <see cref="RecordIdRegister"/> that keeps only the ids with those hashes (see
/// <see cref="DeliveryStandardiser"/>), so a distinct id is never set aside for a hash collision.
/// </summary>
/// <param name="spillPath">Where runs are spilled, numbered after it; it ends with <see cref="AtomicFile.TemporarySuffix"/>
/// so that a run killed part way leaves files the next run removes.</param>
/// <param name="runLength">Hashes held in memory before a run is spilled (8 bytes each); tests make it small.</param>
internal sealed class RecordIdScreen(string spillPath, int runLength = RecordIdScreen.DefaultRunLength) : IDisposable
{
    /// <summary>One million hashes: 8 MiB, and a delivery of up to a million rows never touches the disk.</summary>
    public const int DefaultRunLength = 1 << 20;

    private readonly ulong[] run = new ulong[runLength];
    private readonly List<string> spilled = [];
    private int count;

    public void Add(string recordId)
    {
        run[count++] = RecordIdRegister.Hash(recordId);
        if (count == run.Length) Spill();
    }

    /// <summary>The hashes added more than once (empty for a delivery without duplicated ids, nearly always).</summary>
    public HashSet<ulong> RepeatedHashes()
    {
        HashSort.Sort(run.AsSpan(0, count));
        if (spilled.Count == 0) return RepeatedIn(run.AsSpan(0, count));
        var runs = spilled.Select(path => (IEnumerator<ulong>)Read(path).GetEnumerator()).ToList();
        runs.Add(((IEnumerable<ulong>)new ArraySegment<ulong>(run, 0, count)).GetEnumerator());
        var repeated = new HashSet<ulong>();
        ulong? previous = null;
        foreach (var hash in Merge(runs))
        {
            if (hash == previous) repeated.Add(hash);
            previous = hash;
        }

        return repeated;
    }

    public void Dispose()
    {
        foreach (var path in spilled) File.Delete(path);
        spilled.Clear();
    }

    // A delivery that fitted in one run (nearly all): its sorted hashes are compared with their neighbours.
    private static HashSet<ulong> RepeatedIn(ReadOnlySpan<ulong> sorted)
    {
        var repeated = new HashSet<ulong>();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1]) repeated.Add(sorted[i]);
        }

        return repeated;
    }

    private void Spill()
    {
        HashSort.Sort(run.AsSpan(0, count));
        var path = $"{spillPath}.{spilled.Count}{AtomicFile.TemporarySuffix}";
        spilled.Add(path);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(run.AsSpan(0, count)));
        }

        count = 0;
    }

    private static IEnumerable<ulong> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(file);
        for (var left = file.Length / sizeof(ulong); left > 0; left--) yield return reader.ReadUInt64();
    }

    // A k-way merge of sorted runs, smallest first.
    private static IEnumerable<ulong> Merge(List<IEnumerator<ulong>> runs)
    {
        var heads = new PriorityQueue<IEnumerator<ulong>, ulong>();
        foreach (var enumerator in runs)
        {
            if (enumerator.MoveNext()) heads.Enqueue(enumerator, enumerator.Current);
        }

        while (heads.TryDequeue(out var enumerator, out var hash))
        {
            yield return hash;
            if (enumerator.MoveNext()) heads.Enqueue(enumerator, enumerator.Current);
            else enumerator.Dispose();
        }
    }
}
