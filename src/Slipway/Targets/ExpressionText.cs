using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Slipway.Targets;

/// <summary>Readable text of a condition expression, without the compiler's closure noise.</summary>
internal static partial class ExpressionText
{
    public static string Of(LambdaExpression expression) =>
        ClosureNoise().Replace(expression.Body.ToString(), "").Replace("Convert(", "(").Replace("AndAlso", "&&").Replace("OrElse", "||");

    public static string MemberName(LambdaExpression expression) => expression.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => Of(expression),
    };

    [GeneratedRegex(@"value\([^)]*\)\.|Convert\(value\([^)]*\), [^)]*\)\.")]
    private static partial Regex ClosureNoise();
}
