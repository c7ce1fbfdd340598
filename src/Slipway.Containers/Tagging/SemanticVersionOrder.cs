namespace Slipway.Containers.Tagging;

/// <summary>Semantic versions in their precedence (semver.org §11): major, minor and patch as numbers; a pre-release
/// below its release; pre-release identifiers one by one, numbers below words, numbers as numbers.</summary>
internal sealed class SemanticVersionOrder(string version) : IComparable<SemanticVersionOrder>
{
    private readonly string[] _core = version.Split('-', 2)[0].Split('.');
    private readonly string[] _preRelease = version.Split('-', 2) is [_, var pre] ? pre.Split('.') : [];

    public int CompareTo(SemanticVersionOrder? other)
    {
        if (other is null)
            return 1;
        for (var i = 0; i < Math.Min(_core.Length, other._core.Length); i++)
            if (CompareIdentifiers(_core[i], other._core[i]) is not 0 and var core)
                return core;
        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
            return other._preRelease.Length.CompareTo(_preRelease.Length);
        for (var i = 0; i < Math.Min(_preRelease.Length, other._preRelease.Length); i++)
            if (CompareIdentifiers(_preRelease[i], other._preRelease[i]) is not 0 and var pre)
                return pre;
        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumber = left.All(char.IsAsciiDigit);
        var rightNumber = right.All(char.IsAsciiDigit);
        if (leftNumber && rightNumber)
            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : Math.Sign(string.CompareOrdinal(left, right));
        if (leftNumber != rightNumber)
            return leftNumber ? -1 : 1;
        return Math.Sign(string.CompareOrdinal(left, right));
    }
}
