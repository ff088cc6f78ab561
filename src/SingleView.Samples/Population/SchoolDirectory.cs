using System.Globalization;

namespace SingleView.Samples.Population;

/// <summary>The authority's primary and secondary schools, sized to the population.</summary>
internal sealed class SchoolDirectory
{
    private static readonly string[] PrimaryNames =
    [
        "St Mary's CE Primary School", "Mill Lane Primary School", "Northbrook Community Primary School", "Eastfield Infant and Junior School",
        "Holy Family Catholic Primary School", "Moorside Primary Academy", "Westhaven Primary School", "Kingsbridge CE Primary School",
        "Oak Tree Primary School", "Brookside Primary School", "St John's Catholic Primary School", "Park View Primary Academy",
        "Victoria Road Primary School", "Greenfield Primary School", "Castle Hill Primary School", "Willow Bank Primary School",
        "Al-Noor Primary School", "Meadowbank Primary School", "St Anne's RC Primary School", "Hawthorn Primary Academy",
        "Riverside Primary School", "Chapel End Primary School", "Windmill Hill Primary School", "Beechwood Primary School",
        "Stanley Road Primary School", "Ashfield Primary School", "Queensway Primary School", "Grange Park Primary School",
        "Orchard Primary School", "Heathfield Primary School", "Valley Road Primary School", "Springfield Primary School",
        "Rowan Tree Primary School", "Cedar Grove Primary School", "Fairview Primary School", "Abbey Lane Primary School",
        "Croft Primary School", "Sunnyside Primary School", "Jubilee Primary Academy", "Canal Side Primary School",
    ];

    private static readonly string[] SecondaryNames =
    [
        "Anytown Academy", "Northbrook High School", "St Thomas More Catholic High School", "Eastfield and Moorside Academy",
        "Westhaven School", "Kingsbridge Grammar School", "Anytown College", "Moorside High School", "Brunel Academy",
        "Seacole Academy", "Pankhurst School for Girls", "Faraday High School",
    ];

    private readonly School[] primaries;
    private readonly School[] secondaries;

    public SchoolDirectory(int families)
    {
        var primaryCount = Math.Clamp(families / 120 + 3, 3, PrimaryNames.Length);
        var secondaryCount = Math.Clamp(families / 700 + 1, 1, SecondaryNames.Length);
        primaries = Enumerable.Range(0, primaryCount).Select(i => Create(PrimaryNames[i], i, isSecondary: false)).ToArray();
        secondaries = Enumerable.Range(0, secondaryCount).Select(i => Create(SecondaryNames[i], i, isSecondary: true)).ToArray();
    }

    public School PickPrimary(Random random) => primaries[random.Next(primaries.Length)];

    public School PickSecondary(Random random) => secondaries[random.Next(secondaries.Length)];

    private static School Create(string name, int index, bool isSecondary)
    {
        var urn = (isSecondary ? 137000 : 107000) + index * 37;
        var establishment = (isSecondary ? 4000 : 2000) + index + 1;
        var phone = string.Create(CultureInfo.InvariantCulture, $"01632 960{(isSecondary ? 500 : 100) + index:D3}");
        return new School(
            urn.ToString(CultureInfo.InvariantCulture),
            establishment.ToString(CultureInfo.InvariantCulture),
            name,
            phone,
            isSecondary);
    }
}
