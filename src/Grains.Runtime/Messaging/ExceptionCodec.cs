using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Grains.Runtime;

/// <summary>
/// Carries exceptions across a serialized call: type name, message and stack trace out; on the way back the same
/// exception type is recreated when it can be (so callers catch what the grain threw), else a <see cref="RemoteGrainException"/>.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(Utf8JsonWriter writer, Exception error)
    {
        var type = error.GetType();
        writer.WriteStartObject();
        writer.WriteString("type", $"{type.FullName}, {type.Assembly.GetName().Name}");
        writer.WriteString("message", error.Message);
        writer.WriteString("stack", error.StackTrace);
        writer.WriteEndObject();
    }

    public static Exception Read(ref Utf8JsonReader reader)
    {
        string? typeName = null, message = null, stack = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "type":
                    typeName = reader.GetString();
                    break;
                case "message":
                    message = reader.GetString();
                    break;
                case "stack":
                    stack = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var error = Recreate(typeName ?? "unknown", message ?? string.Empty);
        return stack is null ? error : ExceptionDispatchInfo.SetRemoteStackTrace(error, stack);
    }

    private static Exception Recreate(string typeName, string message)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
        {
            // (message, inner) first: for ArgumentNullException and friends a lone string is the parameter name.
            if (type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(Exception)]) is { } withInner)
            {
                return (Exception)withInner.Invoke([message, null]);
            }

            if (type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]) is { } withMessage)
            {
                return (Exception)withMessage.Invoke([message]);
            }
        }

        return new RemoteGrainException(typeName, message);
    }
}
