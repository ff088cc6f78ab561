using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SingleView.Standardise.Reading;

/// <summary>
/// The cells of the reader's current row as characters in one buffer, reused from row to row: a cell
/// that is only parsed (a date, a code, digits, yes/no) is read as a span and never becomes a string,
/// and a cell that is kept becomes one string, the same instance for a value its column repeats. A
/// row's cells are valid while it is the reader's current record, as its raw text is.
/// </summary>
internal sealed class RowCells
{
    // A column keeps one string per distinct value up to this many values; a column with more (ids,
    // addresses) stops pooling, so that memory does not grow with the delivery.
    internal const int PoolLimit = 4096;

    private readonly int[] starts;
    private readonly int[] lengths;
    // Each column's pool, looked up by characters; the lookup is kept, as getting one checks the comparer's type.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>[] pools;
    private readonly bool[] pooling;

    // Each column's last string: household members come together, so the row before often has the same
    // address, worker or team, and a comparison costs less than a pool lookup. A column read twice in a
    // row (the record id is often the case id as well) gives one string, also once its pool is closed.
    private readonly string?[] lastStrings;
    private char[] text = new char[1024];
    private int used;

    /// <param name="pool">
    /// Whether kept values are pooled: worth it when the records are kept in memory (the refresh), where
    /// a team's name is then one string, not one a record; a record that is only written is dropped at once.
    /// </param>
    public RowCells(int columns, bool pool = true)
    {
        starts = new int[columns];
        lengths = new int[columns];
        pools = new Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>[columns];
        pooling = new bool[columns];
        lastStrings = new string?[columns];
        for (var i = 0; i < columns; i++)
        {
            pools[i] = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            pooling[i] = pool;
        }
    }

    /// <summary>The line number of the row whose cells are held.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Starts the cells of a new row (the previous row's are no longer readable).</summary>
    public void Start(long lineNumber)
    {
        LineNumber = lineNumber;
        used = 0;
    }

    /// <summary>
    /// Starts a new row from its raw bytes: when they are all ASCII (nearly every row) they are widened
    /// into the buffer in one vectorised pass, and a cell that is a slice of them is then found by its
    /// offset (<see cref="SetWithin"/>) instead of being decoded on its own. False for a row with other bytes.
    /// </summary>
    public bool StartAscii(long lineNumber, ReadOnlySpan<byte> raw)
    {
        Start(lineNumber);
        var room = Room(raw.Length);
        if (Ascii.ToUtf16(raw, room, out _) != OperationStatus.Done) return false;
        used = raw.Length;
        return true;
    }

    /// <summary>
    /// Sets a column's cell from a field of the ASCII row given to <see cref="StartAscii"/>: by its offset
    /// when the field lies within the row's bytes, decoded otherwise (a field the parser unescaped elsewhere).
    /// </summary>
    public void SetWithin(int column, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            starts[column] = 0;
            lengths[column] = 0;
            return;
        }

        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(raw), ref MemoryMarshal.GetReference(field));
        if (offset >= 0 && offset + field.Length <= raw.Length)
        {
            starts[column] = (int)offset;
            lengths[column] = field.Length;
            return;
        }

        Set(column, field);
    }

    /// <summary>Sets a column's cell from its UTF-8 bytes (decoded as <c>Encoding.UTF8.GetString</c> would).</summary>
    public void Set(int column, ReadOnlySpan<byte> utf8)
    {
        var room = Room(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        var length = Encoding.UTF8.GetChars(utf8, room);
        Place(column, length);
    }

    /// <summary>Sets a column's cell from text (rows made by tests or callers that have the text).</summary>
    public void Set(int column, string value)
    {
        var room = Room(value.Length);
        value.AsSpan().CopyTo(room);
        Place(column, value.Length);
    }

    /// <summary>A column's cell, as characters, while <paramref name="lineNumber"/> is the row held.</summary>
    public ReadOnlySpan<char> Text(int column, long lineNumber)
    {
        if (lineNumber != LineNumber) throw new InvalidOperationException($"line {lineNumber} is no longer the current record (now {LineNumber})");
        return text.AsSpan(starts[column], lengths[column]);
    }

    /// <summary>
    /// The string for <paramref name="value"/> (part of a cell of <paramref name="column"/>): the same
    /// instance for a value the column has given before, while the column's pool is open.
    /// </summary>
    public string Intern(int column, ReadOnlySpan<char> value)
    {
        if (lastStrings[column] is { } last && value.SequenceEqual(last)) return last;
        var made = Pooled(column, value);
        lastStrings[column] = made;
        return made;
    }

    private string Pooled(int column, ReadOnlySpan<char> value)
    {
        if (!pooling[column]) return new string(value);
        ref var pool = ref pools[column];
        if (pool.TryGetValue(value, out var known)) return known;
        var made = new string(value);
        if (pool.Dictionary.Count < PoolLimit) pool.Dictionary.Add(made, made);
        else
        {
            pooling[column] = false;
            pool.Dictionary.Clear();
        }

        return made;
    }

    private Span<char> Room(int length)
    {
        if (used + length > text.Length) Array.Resize(ref text, Math.Max(text.Length * 2, used + length));
        return text.AsSpan(used, length);
    }

    private void Place(int column, int length)
    {
        starts[column] = used;
        lengths[column] = length;
        used += length;
    }
}
