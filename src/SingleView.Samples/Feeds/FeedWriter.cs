using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// One partner system's extract. A subclass decides who the source knows, which columns it has
/// and how it writes them; this base writes the rows and their truth, applies the source's
/// errors, and makes duplicate records of the same person.
/// </summary>
internal abstract class FeedWriter : IDisposable
{
    /// <summary>The row that always gets a date of birth in the future, so quarantine has work in every sample.</summary>
    private const int ForcedFutureDateOfBirthRow = 5;

    private readonly FeedContext context;
    private readonly ExtractFile file;
    private readonly CorruptionRates rates;
    private int sequence;

    protected FeedWriter(FeedContext context, string feed, ExtractFormat format, IReadOnlyList<string> header, CorruptionRates rates, int firstSequence)
    {
        this.context = context;
        this.rates = rates;
        Feed = feed;
        Random = context.RandomFor(feed);
        Corrupter = new Corrupter(Random, rates, context.Tally, context.ExtractDate);
        file = new ExtractFile(context.ExtractPath(feed), format, header);
        sequence = firstSequence;
    }

    public string Feed { get; }
    public string FilePath => file.Path;
    public int Rows { get; private set; }

    protected Random Random { get; }
    protected Corrupter Corrupter { get; }
    protected DateOnly ExtractDate => context.ExtractDate;
    protected CorruptionTally Tally => context.Tally;

    public abstract void WriteFamily(Family family);

    public void Dispose()
    {
        file.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Writes the person's row, and now and then a second record of the same person under another
    /// id with sloppier details, as sources do when nobody searched before creating a record.
    /// </summary>
    protected void Emit(Person person, Family family, Func<PersonView, string, IReadOnlyList<string?>> row, Func<string>? recordId = null)
    {
        recordId ??= NextRecordId;
        Write(person, family, row, recordId(), duplicate: false);
        if (Corrupter.Chance(rates.Duplicate))
        {
            Tally.Count(CorruptionTally.Duplicate);
            Write(person, family, row, recordId(), duplicate: true);
        }
    }

    /// <summary>The feed's next record id; the default is a prefix and a number that grows with small gaps.</summary>
    protected abstract string NextRecordId();

    protected int NextSequence() => sequence += Random.Next(1, 8);

    protected static string? Format(DateOnly? date, string format) => date?.ToString(format, CultureInfo.InvariantCulture);

    protected DateOnly DaysBeforeExtract(int minimum, int maximum) => ExtractDate.AddDays(-Random.Next(minimum, maximum + 1));

    protected static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    protected static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    protected T Pick<T>(params T[] choices) => choices[Random.Next(choices.Length)];

    private void Write(Person person, Family family, Func<PersonView, string, IReadOnlyList<string?>> row, string recordId, bool duplicate)
    {
        var view = Corrupter.Render(person, family, duplicate, forceFutureDateOfBirth: Rows == ForcedFutureDateOfBirthRow);
        file.Write(row(view, recordId));
        context.Truth.Write(Feed, recordId, person.PersonId, person.FamilyId);
        Rows++;
    }
}
