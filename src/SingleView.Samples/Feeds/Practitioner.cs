using System.Globalization;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>A worker a practitioner would phone: name, role, team, direct line and e-mail.</summary>
internal sealed record Practitioner(string FirstName, string FamilyName, string Role, string Team, string Phone, string Email)
{
    public string Name => $"{FirstName} {FamilyName}";
}

/// <summary>A service's staff, generated once per feed from the feed's own random stream.</summary>
internal sealed class PractitionerPool
{
    private readonly Practitioner[] staff;

    /// <param name="phoneBlock">Hundreds digit within Ofcom's drama range 01632 960xxx, so numbers are never real.</param>
    public PractitionerPool(Random random, int size, string[] roles, string[] teams, string emailDomain, int phoneBlock)
    {
        staff = new Practitioner[size];
        for (var i = 0; i < size; i++)
        {
            var culture = NameTables.PractitionerCultures.Pick(random);
            var first = (random.Next(2) == 0 ? culture.Women : culture.Men).Pick(random);
            var family = culture.Surnames.Pick(random);
            var local = $"{Letters(first)}.{Letters(family)}";
            staff[i] = new Practitioner(
                first,
                family,
                roles[random.Next(roles.Length)],
                teams[random.Next(teams.Length)],
                string.Create(CultureInfo.InvariantCulture, $"01632 960{phoneBlock * 100 + random.Next(100):D3}"),
                $"{local}@{emailDomain}");
        }
    }

    public Practitioner Pick(Random random) => staff[random.Next(staff.Length)];

    private static string Letters(string text) => new(text.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
}
