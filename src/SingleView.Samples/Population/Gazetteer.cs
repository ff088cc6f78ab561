using System.Globalization;

namespace SingleView.Samples.Population;

/// <summary>
/// The streets and postcodes of the fictional authority (postcode area "AT", which does not exist in
/// the real UK but is valid in form). Every address index gives one address; distinct indexes below
/// <see cref="Capacity"/> give distinct addresses, so families never share a front door by accident.
/// </summary>
internal sealed class Gazetteer
{
    private const int HousesPerStreet = 200;
    private const int HousesPerPostcode = 40;

    // Inward-code letters: the 20 that UK postcodes use (no C, I, K, M, O, V).
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const int InwardCodesPerDistrict = 10 * 20 * 20;

    private static readonly string[] Roots =
    [
        "Mill", "Church", "Station", "Park", "Victoria", "Albert", "Queens", "Kings", "Manor", "Chapel", "Orchard",
        "School", "Bridge", "Castle", "Market", "Oak", "Elm", "Ash", "Beech", "Birch", "Willow", "Cedar", "Holly",
        "Hawthorn", "Rowan", "Maple", "Chestnut", "Laburnum", "Meadow", "Brook", "River", "Canal", "Forge", "Farm",
        "Grange", "Hall", "Abbey", "Priory", "Vicarage", "Rectory", "Windmill", "Quarry", "Spring", "Well", "Moor",
        "Heath", "Common", "Hill", "Valley", "Dale", "Field", "Ridge", "Bank", "Cliff", "North", "South", "East",
        "West", "New", "Cross", "York", "Lancaster", "Windsor", "Stanley", "Nelson", "Wellington", "Cromwell",
        "Gladstone", "Peel", "Byron", "Shelley", "Keats", "Milton", "Chaucer", "Tennyson", "Wordsworth", "Bronte",
        "Darwin", "Newton", "Faraday", "Stephenson", "Brunel", "Telford", "Livingstone", "Raleigh", "Drake",
        "Nightingale", "Pankhurst", "Seacole", "Jubilee", "Coronation", "Festival", "Sunnyside", "Fairview",
        "Belle Vue", "Mount Pleasant", "Hollins", "Clough", "Fold", "Croft",
    ];

    private static readonly string[] Suffixes =
    [
        "Street", "Road", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Terrace", "Gardens", "Place", "Court", "View",
    ];

    public static readonly IReadOnlyList<Locality> Localities =
    [
        new("Anytown", ["AT1", "AT2", "AT3"], "Anytown Central", "Central"),
        new("Northbrook", ["AT4", "AT5"], "Northbrook", "North"),
        new("Eastfield", ["AT6", "AT7"], "Eastfield and Moorside", "East"),
        new("Moorside", ["AT8", "AT9"], "Eastfield and Moorside", "East"),
        new("Westhaven", ["AT10", "AT11"], "Westhaven", "West"),
        new("Kingsbridge", ["AT12", "AT13"], "Kingsbridge", "South"),
    ];

    private readonly (string Root, string Suffix)[][] streetsByLocality;
    private readonly long multiplier;
    private readonly long offset;

    public Gazetteer(int addressesNeeded, Random random)
    {
        var combinations = (from root in Roots from suffix in Suffixes select (root, suffix)).ToArray();
        streetsByLocality = Localities.Select(_ =>
        {
            var shuffled = (ValueTuple<string, string>[])combinations.Clone();
            random.Shuffle(shuffled);
            return shuffled;
        }).ToArray();
        var maximumStreets = combinations.Length * Localities.Count;
        var streets = Math.Clamp((int)Math.Ceiling(addressesNeeded * 1.5 / HousesPerStreet), 30, maximumStreets);
        Capacity = (long)streets * HousesPerStreet;
        multiplier = CoprimeMultiplier(Capacity);
        offset = random.NextInt64(Capacity);
    }

    /// <summary>Distinct addresses available; indexes past it wrap around.</summary>
    public long Capacity { get; }

    public Address AddressAt(long index)
    {
        // An affine map modulo the capacity is a bijection, so consecutive families land on
        // scattered streets rather than filling Mill Lane first.
        var scattered = (int)(((index % Capacity) * multiplier + offset) % Capacity);
        var street = scattered / HousesPerStreet;
        var house = scattered % HousesPerStreet + 1;
        var locality = Localities[street % Localities.Count];
        var streetInLocality = street / Localities.Count;
        var (root, suffix) = streetsByLocality[street % Localities.Count][streetInLocality];
        var unit = streetInLocality * (HousesPerStreet / HousesPerPostcode) + (house - 1) / HousesPerPostcode;
        return new Address($"{house} {root} {suffix}", locality.Town, PostcodeOf(locality, unit), locality);
    }

    private static string PostcodeOf(Locality locality, int unit)
    {
        var outward = locality.OutwardCodes[unit % locality.OutwardCodes.Length];
        // Scatter the units over the 4,000 inward codes of the district (1777 is coprime with 4000,
        // so the map is one-to-one) instead of filling "0AA", "0AB"... in order.
        var local = (int)((unit / locality.OutwardCodes.Length * 1777L + 113) % InwardCodesPerDistrict);
        var sector = local / (InwardLetters.Length * InwardLetters.Length);
        var letters = local % (InwardLetters.Length * InwardLetters.Length);
        return string.Create(CultureInfo.InvariantCulture, $"{outward} {sector}{InwardLetters[letters / InwardLetters.Length]}{InwardLetters[letters % InwardLetters.Length]}");
    }

    private static long CoprimeMultiplier(long capacity)
    {
        long[] candidates = [7919, 104729, 1299709, 15485863];
        foreach (var candidate in candidates)
        {
            if (GreatestCommonDivisor(candidate, capacity) == 1) return candidate % capacity == 0 ? 1 : candidate;
        }

        return 1;
    }

    private static long GreatestCommonDivisor(long a, long b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
