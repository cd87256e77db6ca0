package dev.lmi.emulator.code;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Calls a handler the way the Java runtime does: stream handlers raw, others through JSON. */
final class HandlerAdapter {
  /** Lenient like the Java runtime: unknown event fields are ignored, names match loosely. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true);

  private final Object instance;
  private final Method method;
  private final JavaType inputType;
  private final boolean stream;

  private HandlerAdapter(Object instance, Method method, JavaType inputType, boolean stream) {
    this.instance = instance;
    this.method = method;
    this.inputType = inputType;
    this.stream = stream;
  }

  /** Loads the class and runs its constructor (the init phase); handler is "Class[::method]". */
  static HandlerAdapter load(ClassLoader loader, String handler) throws Exception {
    var parts = handler.split("::", 2);
    var type = Class.forName(parts[0], true, loader);
    var methodName = parts.length > 1 ? parts[1] : "handleRequest";
    var method = find(type, methodName);
    var instance = type.getDeclaredConstructor().newInstance();
    if (instance instanceof RequestStreamHandler && methodName.equals("handleRequest")) {
      return new HandlerAdapter(instance, method, null, true);
    }
    var params = method.getGenericParameterTypes();
    var stream = params.length >= 2 && method.getParameterTypes()[0] == InputStream.class;
    Type input = params.length == 0 ? Object.class : params[0];
    if (instance instanceof RequestHandler<?, ?> && methodName.equals("handleRequest")) {
      input = requestHandlerInput(type);
    }
    var javaType = MAPPER.getTypeFactory().constructType(input);
    return new HandlerAdapter(instance, method, javaType, stream);
  }

  byte[] invoke(byte[] payload, Context context) throws Throwable {
    try {
      if (stream) {
        var out = new ByteArrayOutputStream();
        method.invoke(instance, new ByteArrayInputStream(payload), out, context);
        return out.toByteArray();
      }
      var input = payload.length == 0 ? null : MAPPER.readValue(payload, inputType);
      var result = call(input, context);
      return MAPPER.writeValueAsBytes(result);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Object call(Object input, Context context) throws Exception {
    return switch (method.getParameterCount()) {
      case 0 -> method.invoke(instance);
      case 1 -> method.invoke(instance, input);
      default -> method.invoke(instance, input, context);
    };
  }

  private static Method find(Class<?> type, String name) throws NoSuchMethodException {
    if (RequestStreamHandler.class.isAssignableFrom(type) && name.equals("handleRequest")) {
      return type.getMethod(name, InputStream.class, OutputStream.class, Context.class);
    }
    Method best = null;
    for (var m : type.getMethods()) {
      if (m.getName().equals(name) && !m.isBridge() && m.getParameterCount() <= 3) {
        if (best == null || m.getParameterCount() > best.getParameterCount()) {
          best = m;
        }
      }
    }
    if (best == null) {
      throw new NoSuchMethodException(type.getName() + "::" + name);
    }
    best.setAccessible(true);
    return best;
  }

  private static Type requestHandlerInput(Class<?> type) {
    for (var c = type; c != null; c = c.getSuperclass()) {
      for (var i : c.getGenericInterfaces()) {
        if (i instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          var arg = p.getActualTypeArguments()[0];
          return arg instanceof Class<?> || arg instanceof ParameterizedType ? arg : Object.class;
        }
      }
    }
    return Object.class;
  }
}
