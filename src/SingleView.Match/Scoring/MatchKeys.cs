using System.Runtime.InteropServices;
using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>
/// A record's compared values as small integers, side by side in one array: equal ids mean equal
/// values (with each column's own equality), 0 means the value is missing in the sense the comparison
/// uses. Tens of millions of candidate pairs are bounded on these without touching a string.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MatchKeys
{
    public int FirstName;
    public int FamilyName;
    public int FirstNamePhonetic;
    public int FamilyNamePhonetic;
    public int FirstNameCount;
    public int FamilyNameCount;
    public int FirstNameLength;
    public int FamilyNameLength;
    /// <summary>Parts of the family name (Smith-Jones has two). The lengths above are of the names without spaces, as the string measures compare them.</summary>
    public int FamilyNameParts;
    /// <summary>Number of the first name's nickname groups in the table returned beside the keys (one per distinct name); 0 when it is in none.</summary>
    public int NicknameGroups;
    /// <summary>yyyyMMdd as a number, 0 without a date of birth.</summary>
    public int DateOfBirth;
    public int DateOfBirthDay;
    /// <summary>The same eight digits, one per four bits, so that counting the digits two dates differ in is a few bit operations.</summary>
    public int DateOfBirthNibbles;
    /// <summary>The gender's value plus one; 0 for unknown.</summary>
    public int Gender;
    public int Address;
    public int HouseAndStreet;
    public int Postcode;
    public int PostcodeSector;
    public int PostcodeDistrict;
    public int City;
    public int Email;
    public int NhsNumber;
    public int Upn;
    public int CasePersonId;
    /// <summary>How many named identifiers the record holds (the bound treats any of their levels as possible).</summary>
    public int Identifiers;
    /// <summary>First and family name keys numbered in one sequence, so a first name can be compared with a family name (swapped names).</summary>
    public int FirstNameAsName;
    public int FamilyNameAsName;
    /// <summary>The first letters of the names without spaces (0 for none): a swap with a typo keeps them, crosswise.</summary>
    public char FirstNameInitial;
    public char FamilyNameInitial;
    public bool NhsNumberValid;
    public bool UpnValid;

    /// <summary>Every record's keys; values are numbered column by column (in parallel), in record order, so the ids are the same run to run.</summary>
    public static MatchKeys[] Of(PreparedRecord[] records) => Of(records, NicknameTable.Empty, out _);

    /// <summary>Every record's keys; <paramref name="nicknameGroups"/>[n - 1] holds the groups of nickname number n.</summary>
    public static MatchKeys[] Of(PreparedRecord[] records, NicknameTable nicknames, out HashSet<int>[] nicknameGroups)
    {
        var groupSets = Array.Empty<HashSet<int>>();
        var keys = new MatchKeys[records.Length];
        var columns = new Action[]
        {
            () => Number(records, r => r.FirstNameKey, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.FirstName = id),
            () => Number(records, r => r.FamilyNameKey, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.FamilyName = id),
            () => Number(records, r => r.FirstNamePhonetic, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.FirstNamePhonetic = id),
            () => Number(records, r => r.FamilyNamePhonetic, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.FamilyNamePhonetic = id),
            () => Number(records, r => r.AddressKey, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.Address = id),
            () => Number(records, r => r.HouseAndStreet, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.HouseAndStreet = id),
            () => Number(records, r => r.Postcode, emptyIsMissing: false, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.Postcode = id),
            () => Number(records, r => r.PostcodeSector, emptyIsMissing: false, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.PostcodeSector = id),
            () => Number(records, r => r.PostcodeDistrict, emptyIsMissing: false, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.PostcodeDistrict = id),
            () => Number(records, r => r.City, emptyIsMissing: true, StringComparer.Ordinal, keys, (ref MatchKeys k, int id) => k.City = id),
            // Identifiers and e-mail compare without regard to case (LevelEvaluator.Exact), so they are numbered so too.
            () => Number(records, r => r.Email, emptyIsMissing: false, StringComparer.OrdinalIgnoreCase, keys, (ref MatchKeys k, int id) => k.Email = id),
            () => Number(records, r => r.Record.NhsNumber, emptyIsMissing: false, StringComparer.OrdinalIgnoreCase, keys, (ref MatchKeys k, int id) => k.NhsNumber = id),
            () => Number(records, r => r.Record.Upn, emptyIsMissing: false, StringComparer.OrdinalIgnoreCase, keys, (ref MatchKeys k, int id) => k.Upn = id),
            () => Number(records, r => r.Record.CasePersonId, emptyIsMissing: false, StringComparer.OrdinalIgnoreCase, keys, (ref MatchKeys k, int id) => k.CasePersonId = id),
            () =>
            {
                for (var i = 0; i < records.Length; i++) keys[i].Identifiers = records[i].Identifiers.Length;
            },
            () =>
            {
                var ids = new Dictionary<string, int>(StringComparer.Ordinal);
                int Of(string name)
                {
                    if (name.Length == 0) return 0;
                    ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, name, out var exists);
                    if (!exists) id = ids.Count;
                    return id;
                }

                for (var i = 0; i < records.Length; i++)
                {
                    keys[i].FirstNameAsName = Of(records[i].FirstNameJoined);
                    keys[i].FamilyNameAsName = Of(records[i].FamilyNameJoined);
                }
            },
            () =>
            {
                // Names with the same groups share a number, so two names are aliases exactly when their group sets overlap.
                var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
                var sets = new List<HashSet<int>>();
                for (var i = 0; i < records.Length; i++)
                {
                    var name = records[i].FirstNameKey;
                    if (name.Length == 0 || nicknames.GroupsOf(name) is not { } groups) continue;
                    ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, name, out var exists);
                    if (!exists)
                    {
                        sets.Add(groups);
                        number = sets.Count;
                    }

                    keys[i].NicknameGroups = number;
                }

                groupSets = [.. sets];
            },
            () =>
            {
                for (var i = 0; i < records.Length; i++)
                {
                    var record = records[i];
                    ref var k = ref keys[i];
                    k.FirstNameCount = record.FirstNameCount;
                    k.FamilyNameCount = record.FamilyNameCount;
                    k.FirstNameLength = record.FirstNameJoined.Length;
                    k.FamilyNameLength = record.FamilyNameJoined.Length;
                    k.FamilyNameParts = record.FamilyNameParts.Length;
                    k.FirstNameInitial = record.FirstNameJoined.Length > 0 ? record.FirstNameJoined[0] : '\0';
                    k.FamilyNameInitial = record.FamilyNameJoined.Length > 0 ? record.FamilyNameJoined[0] : '\0';
                    if (record.Record.DateOfBirth is { } dob)
                    {
                        k.DateOfBirth = (dob.Year * 10000) + (dob.Month * 100) + dob.Day;
                        k.DateOfBirthDay = dob.DayNumber;
                        k.DateOfBirthNibbles = Nibbles(k.DateOfBirth);
                    }

                    k.Gender = record.Record.Gender == Core.Model.Gender.Unknown ? 0 : (int)record.Record.Gender + 1;
                    k.NhsNumberValid = record.NhsNumberValid;
                    k.UpnValid = record.UpnValid;
                }
            },
        };
        Parallel.Invoke(columns);
        nicknameGroups = groupSets;
        return keys;
    }

    private static int Nibbles(int digits)
    {
        var packed = 0;
        for (var shift = 0; shift < 32; shift += 4, digits /= 10) packed |= (digits % 10) << shift;
        return packed;
    }

    private delegate void Setter(ref MatchKeys keys, int id);

    private static void Number(PreparedRecord[] records, Func<PreparedRecord, string?> value, bool emptyIsMissing, StringComparer comparer, MatchKeys[] keys, Setter set)
    {
        var ids = new Dictionary<string, int>(comparer);
        for (var i = 0; i < records.Length; i++)
        {
            var text = value(records[i]);
            if (text is null || (emptyIsMissing && text.Length == 0)) continue;
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, text, out var exists);
            if (!exists) id = ids.Count;
            set(ref keys[i], id);
        }
    }
}
