namespace Slipway.Targets.Values;

/// <summary>How a running target hands a value it declared with <c>Produces&lt;T&gt;</c> to the run.</summary>
internal delegate void ValuePublisher(Type declared, object value);
