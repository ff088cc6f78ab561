namespace SingleView.Core.Model;

/// <summary>The partner services whose involvement the view shows, one flag each.</summary>
public enum Service
{
    School,
    ChildrensSocialCare,
    EarlyHelp,
    Police,
    Housing,
    AdultSocialCare,
    Health,
    YouthJustice,
}
