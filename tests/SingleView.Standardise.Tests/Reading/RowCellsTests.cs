using System.Text;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Reading;

public class RowCellsTests
{
    [Test]
    public void Intern_ValueRepeatedInALaterRow_IsTheSameInstance()
    {
        var cells = new RowCells(1);
        cells.Start(2);
        var first = cells.Intern(0, "Assessment Team".AsSpan());
        cells.Start(3);
        cells.Intern(0, "Other Team".AsSpan());

        cells.Intern(0, "Assessment Team".AsSpan()).ShouldBeSameAs(first);
    }

    [Test]
    public void Intern_ColumnPastItsPoolLimit_StillGivesEachValue()
    {
        var cells = new RowCells(1);
        for (var i = 0; i <= RowCells.PoolLimit + 10; i++) cells.Intern(0, $"id-{i}".AsSpan());

        cells.Intern(0, "id-17".AsSpan()).ShouldBe("id-17");
    }

    [Test]
    public void SetWithin_FieldsOfAnAsciiRow_AreTheirText()
    {
        var raw = "LCS1;Jessica;;Davis\r\n"u8;
        var cells = new RowCells(3);
        cells.StartAscii(2, raw).ShouldBeTrue();
        cells.SetWithin(0, raw, raw[5..12]);
        cells.SetWithin(1, raw, default);
        cells.SetWithin(2, raw, raw[14..19]);

        new[] { cells.Text(0, 2).ToString(), cells.Text(1, 2).ToString(), cells.Text(2, 2).ToString() }.ShouldBe(["Jessica", "", "Davis"]);
    }

    [Test]
    public void SetWithin_FieldOutsideTheRow_IsDecodedFromItsOwnBytes()
    {
        var raw = "1;\"x\"\"y\"\r\n"u8;
        var unescaped = "x\"y"u8.ToArray();
        var cells = new RowCells(1);
        cells.StartAscii(2, raw);
        cells.SetWithin(0, raw, unescaped);

        cells.Text(0, 2).ToString().ShouldBe("x\"y");
    }

    [Test]
    public void StartAscii_RowWithOtherBytes_IsFalse()
    {
        var cells = new RowCells(1);

        cells.StartAscii(2, Encoding.UTF8.GetBytes("Zoë;O’Brien")).ShouldBeFalse();
    }

    [Test]
    public void Set_Utf8Bytes_AreDecodedAsEncodingUtf8Would()
    {
        var bytes = new byte[] { (byte)'a', 0xC3, 0xAB, 0xFF, (byte)'b' };
        var cells = new RowCells(1);
        cells.Start(2);
        cells.Set(0, bytes);

        cells.Text(0, 2).ToString().ShouldBe(Encoding.UTF8.GetString(bytes));
    }

    [Test]
    public void Text_AfterTheNextRowStarts_Throws()
    {
        var cells = new RowCells(1);
        cells.Start(2);
        cells.Set(0, "x");
        cells.Start(3);

        Should.Throw<InvalidOperationException>(() => cells.Text(0, 2).ToString());
    }
}
