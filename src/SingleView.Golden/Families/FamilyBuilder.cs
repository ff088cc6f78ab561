using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SingleView.Core.Model;

namespace SingleView.Golden.Families;

/// <summary>The families and relationships of a refresh.</summary>
public sealed record FamilyResult(IReadOnlyList<Family> Families, IReadOnlyList<Relationship> Relationships, IReadOnlyDictionary<string, string> FamilyOf);

/// <summary>
/// Builds households and families from what the feeds say (a tenancy or family reference with each
/// member's role) and from people sharing an address. Each relationship keeps its source.
/// </summary>
public static class FamilyBuilder
{
    /// <summary>More people than this at one address is a hostel or a block, not a household.</summary>
    public const int MaximumHouseholdAtAddress = 10;

    public static FamilyResult Build(IReadOnlyList<GoldenRecord> people, IReadOnlyList<PersonRecord> records)
    {
        // Sized up front here and below: a dictionary that doubles its way to a million entries leaves as much
        // again in the large object heap as garbage, which only a full collection takes back.
        var goldenOf = new Dictionary<SourceRecordKey, GoldenRecord>(records.Count);
        foreach (var person in people)
        {
            foreach (var member in person.Members) goldenOf[member] = person;
        }

        var relationships = new Dictionary<(string, string, RelationshipType), Relationship>();
        var related = new HashSet<(string, string)>();
        void Relate(string from, string to, RelationshipType type, string feed, string evidence)
        {
            if (from == to) return;

            // A relationship object only for a new one: members of a household are often listed by several feeds.
            ref var relationship = ref CollectionsMarshal.GetValueRefOrAddDefault(relationships, (from, to, type), out var exists);
            if (!exists) relationship = new Relationship(from, to, type, feed, evidence);
            related.Add((from, to));
        }

        // 1. What the feeds say: members of one household in one feed, with their roles.
        foreach (var household in records.Where(r => r.HouseholdKey is not null).GroupBy(r => (r.Key.Feed, r.HouseholdKey!)))
        {
            var members = household
                .Select(r => (Golden: goldenOf[r.Key], r.HouseholdRole))
                .GroupBy(m => m.Golden.GoldenId)
                .Select(g => g.First())
                .ToList();
            var evidence = $"{household.Key.Feed} household {household.Key.Item2}";
            foreach (var a in members)
            {
                foreach (var b in members)
                {
                    if (a.Golden.GoldenId == b.Golden.GoldenId) continue;
                    var type = (a.HouseholdRole, b.HouseholdRole) switch
                    {
                        (HouseholdRole.ParentOrCarer, HouseholdRole.Child) => RelationshipType.ParentOrCarer,
                        (HouseholdRole.Child, HouseholdRole.ParentOrCarer) => RelationshipType.Child,
                        (HouseholdRole.Child, HouseholdRole.Child) => RelationshipType.Sibling,
                        (HouseholdRole.ParentOrCarer or HouseholdRole.Partner, HouseholdRole.ParentOrCarer or HouseholdRole.Partner) => RelationshipType.Partner,
                        _ => RelationshipType.HouseholdMember,
                    };
                    Relate(a.Golden.GoldenId, b.Golden.GoldenId, type, household.Key.Feed, evidence);
                }
            }
        }

        // 2. People whose golden address is the same: household members, unless a feed said more.
        // Each person's address key and the feed their address came from, worked out in parallel: reading a
        // golden field may make its lineage, and this is two reads per person.
        var addresses = new (string Key, string Feed)?[people.Count];
        Parallel.For(0, people.Count, i => addresses[i] = AddressOf(people[i]));
        var atAddress = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            if (addresses[i] is not { } address) continue;
            if (!atAddress.TryGetValue(address.Key, out var list)) atAddress[address.Key] = list = new List<int>(2);
            list.Add(i);
        }

        foreach (var members in atAddress.Values)
        {
            if (members.Count < 2 || members.Count > MaximumHouseholdAtAddress) continue;
            foreach (var a in members)
            {
                foreach (var b in members)
                {
                    var (from, to) = (people[a].GoldenId, people[b].GoldenId);
                    if (from == to || related.Contains((from, to))) continue;
                    Relate(from, to, RelationshipType.HouseholdMember, addresses[a]!.Value.Feed, "shared address");
                }
            }
        }

        return Group(people, relationships.Values.ToList());
    }

    private static FamilyResult Group(IReadOnlyList<GoldenRecord> people, List<Relationship> relationships)
    {
        var index = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++) index.Add(people[i].GoldenId, i);
        var parent = Enumerable.Range(0, people.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }

        foreach (var relationship in relationships)
        {
            var a = Find(index[relationship.FromGoldenId]);
            var b = Find(index[relationship.ToGoldenId]);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        // Sizes first, so that only groups of two or more get a list: most people have no family, and a
        // grouping object for each of them was most of this step's garbage at a million people.
        var size = new int[people.Count];
        for (var i = 0; i < people.Count; i++) size[Find(i)]++;
        var groups = new List<string>?[people.Count];
        var inFamilies = 0;
        for (var i = 0; i < people.Count; i++)
        {
            var root = Find(i);
            if (size[root] < 2) continue;
            (groups[root] ??= new List<string>(size[root])).Add(people[i].GoldenId);
            inFamilies++;
        }

        // A group's root is its smallest index, so families come in the order their first member appears.
        var families = new List<Family>();
        var familyOf = new Dictionary<string, string>(inFamilies, StringComparer.Ordinal);
        foreach (var members in groups)
        {
            if (members is null) continue;
            members.Sort(StringComparer.Ordinal);
            var familyId = "F" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(members[0])), 0, 6);
            families.Add(new Family(familyId, members));
            foreach (var member in members) familyOf[member] = familyId;
        }

        return new FamilyResult(families, relationships, familyOf);
    }

    private static (string Key, string Feed)? AddressOf(GoldenRecord person)
    {
        if (person.Restricted || !person.Fields.TryGetValue(StandardFields.Address, out var lineage)) return null;
        var key = AddressKey(lineage.Chosen.Value, GoldenValues.ValueOf(person, StandardFields.Postcode));
        return key is null ? null : (key, lineage.Chosen.Source.Feed);
    }

    private static string? AddressKey(string address, string? postcode)
    {
        if (string.IsNullOrWhiteSpace(address) || string.IsNullOrWhiteSpace(postcode)) return null;
        // Letters and digits only, upper case, so "12 Mill Lane" and "12, MILL LANE" are one address.
        var size = address.Length + 1 + postcode.Length;
        var buffer = size <= 256 ? stackalloc char[256] : new char[size];
        var length = 0;
        foreach (var c in address)
        {
            if (char.IsAsciiLetterOrDigit(c)) buffer[length++] = char.ToUpperInvariant(c);
        }

        buffer[length++] = '|';
        postcode.AsSpan().CopyTo(buffer[length..]);
        return new string(buffer[..(length + postcode.Length)]);
    }
}
