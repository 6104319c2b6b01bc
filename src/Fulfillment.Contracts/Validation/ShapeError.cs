namespace Fulfillment.Contracts.Validation;

/// <summary>A field that does not have the shape its event type requires, with the reason. <see cref="Field"/> is a path such as <c>lines[2].quantity</c>.</summary>
public readonly record struct ShapeError(string Field, string Message);
