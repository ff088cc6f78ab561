using SingleView.Core.Standardisation;
using SingleView.Samples.Population;

namespace SingleView.Samples.Corruption;

/// <summary>
/// Turns a true person into what one source row says about them, applying the feed's error rates
/// with the feed's own seeded <see cref="Random"/> and counting every deliberate error.
/// </summary>
internal sealed class Corrupter(Random random, CorruptionRates rates, CorruptionTally tally, DateOnly extractDate)
{
    /// <summary>How much sloppier a duplicate record is than the first one a source created.</summary>
    private const double DuplicateFactor = 5;

    public PersonView Render(Person person, Family family, bool duplicate = false, bool forceFutureDateOfBirth = false)
    {
        var factor = duplicate ? DuplicateFactor : 1;
        if (!forceFutureDateOfBirth && Chance(rates.Unusable))
        {
            tally.Count(CorruptionTally.Unusable);
            return new PersonView { Sex = person.Sex, Address = AddressOf(family, factor), NhsNumber = NhsNumberOf(person, factor) };
        }

        return new PersonView
        {
            FirstName = FirstNameOf(person, family, factor),
            MiddleName = Chance(rates.MiddleNameDropped * factor) ? null : person.MiddleName,
            FamilyName = FamilyNameOf(person, factor),
            DateOfBirth = DateOfBirthOf(person, factor, forceFutureDateOfBirth),
            Sex = Chance(rates.GenderMissing * factor) ? null : person.Sex,
            Address = AddressOf(family, factor),
            PostcodeMissing = Counted(rates.PostcodeMissing * factor, CorruptionTally.PostcodeMissing),
            NhsNumber = NhsNumberOf(person, factor),
            Upn = UpnOf(person, factor),
            Phone = Chance(0.1 * factor) ? null : person.Phone,
            Email = Chance(0.1 * factor) ? null : person.Email,
        };
    }

    public bool Chance(double probability) => random.NextDouble() < probability;

    private bool Counted(double probability, string kind)
    {
        if (!Chance(probability)) return false;
        tally.Count(kind);
        return true;
    }

    private string FirstNameOf(Person person, Family family, double factor)
    {
        if (Nicknames.HasNickname(person.FirstName) && Chance(rates.Nickname))
        {
            // Twins are often given similar names (Sophia and Sophie). A nickname that is the co-twin's own
            // name would make this row the co-twin's in every field: no matcher, nor a person, could tell,
            // so it is not a fair test of matching. The draws are made as before, so every other row of
            // the authority stays as it was.
            var nickname = Nicknames.For(person.FirstName, random)!;
            if (IsCoTwinsName(person, family, nickname)) return person.FirstName;
            tally.Count(CorruptionTally.Nickname);
            return nickname;
        }

        return Counted(rates.Typo * factor, CorruptionTally.Typo) ? Typos.Apply(person.FirstName, random) : person.FirstName;
    }

    private static bool IsCoTwinsName(Person person, Family family, string name)
    {
        if (!person.IsTwin) return false;
        foreach (var child in family.Children)
        {
            if (child.IsTwin && child.PersonId != person.PersonId && child.DateOfBirth == person.DateOfBirth
                && string.Equals(child.FirstName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string FamilyNameOf(Person person, double factor)
    {
        if (person.OtherFamilyName is { } other && Counted(rates.SurnameVariant * factor, CorruptionTally.SurnameVariant))
        {
            // Either the other surname outright (a maiden name, the other parent's) or both hyphenated.
            return random.Next(2) == 0 || person.FamilyName.Contains('-', StringComparison.Ordinal) || other.Contains('-', StringComparison.Ordinal)
                ? other
                : $"{person.FamilyName}-{other}";
        }

        return Counted(rates.Typo * factor, CorruptionTally.Typo) ? Typos.Apply(person.FamilyName, random) : person.FamilyName;
    }

    private DateOnly? DateOfBirthOf(Person person, double factor, bool forceFuture)
    {
        var dob = person.DateOfBirth;
        if (forceFuture || Chance(rates.FutureDateOfBirth))
        {
            tally.Count(CorruptionTally.FutureDateOfBirth);
            // A mistyped year that lands after the extract date (2013 keyed as 2031).
            return new DateOnly(Math.Min(extractDate.Year + 1 + random.Next(0, 15), 9999), dob.Month, Math.Min(dob.Day, 28));
        }

        if (dob.Day <= 12 && dob.Day != dob.Month && Counted(rates.DayMonthSwap * factor, CorruptionTally.DayMonthSwap))
        {
            return new DateOnly(dob.Year, dob.Day, dob.Month);
        }

        if (Counted(rates.DateOfBirthDigitOff * factor, CorruptionTally.DateOfBirthDigitOff))
        {
            var changed = random.Next(4) switch
            {
                0 => dob.AddDays(1),
                1 => dob.AddDays(-1),
                2 => dob.AddDays(dob.Day <= 18 ? 10 : -10),
                _ => dob.AddYears(-1),
            };
            return changed > extractDate ? dob.AddYears(-1) : changed;
        }

        return Counted(rates.DateOfBirthMissing * factor, CorruptionTally.DateOfBirthMissing) ? null : dob;
    }

    private Address AddressOf(Family family, double factor)
    {
        if (family.PreviousAddress is { } previous && Counted(Math.Min(1, rates.PreviousAddress * (factor > 1 ? 1.5 : 1)), CorruptionTally.PreviousAddress))
        {
            return previous;
        }

        return family.Address;
    }

    private string? NhsNumberOf(Person person, double factor)
    {
        if (!rates.CarriesNhsNumber || Chance(rates.NhsNumberMissing * factor)) return null;
        if (!Counted(rates.NhsNumberInvalid, CorruptionTally.NhsNumberInvalid)) return person.NhsNumber;
        var digits = person.NhsNumber.ToCharArray();
        while (true)
        {
            var position = random.Next(digits.Length);
            var original = digits[position];
            digits[position] = (char)('0' + (original - '0' + random.Next(1, 10)) % 10);
            var corrupted = new string(digits);
            if (!NhsNumber.IsValid(corrupted)) return corrupted;
            digits[position] = original;
        }
    }

    private string? UpnOf(Person person, double factor)
    {
        if (!rates.CarriesUpn || person.Upn is not { } upn || Chance(rates.UpnMissing * factor)) return null;
        if (!Counted(rates.UpnInvalid, CorruptionTally.UpnInvalid)) return upn;
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        var wrong = letters[(letters.IndexOf(upn[0], StringComparison.Ordinal) + random.Next(1, letters.Length)) % letters.Length];
        return wrong + upn[1..];
    }
}
