package dev.lmi.operator.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Runs an Argo CD health script the way Argo CD's gopher-lua VM does: Lua 5.1 with only the base,
 * string, table and math libraries, the resource as the global {@code obj}, and the returned table
 * read as {status, message}. LuaJ speaks 5.2, so the 5.1 globals scripts may use are shimmed.
 */
final class ArgoLua {
  private static final String LUA51_SHIMS =
      """
      unpack = unpack or table.unpack
      table.getn = function(t) return #t end
      loadstring = function(s, name) return load(s, name) end
      """;

  private ArgoLua() {}

  record Health(String status, String message) {}

  static Health run(String script, JsonNode obj) {
    var g = sandbox();
    g.set("obj", toLua(obj));
    var result = g.load(script, "=health.lua").call();
    if (!result.istable()) {
      throw new AssertionError("the script returned " + result.typename() + ", not a table");
    }
    var message = result.get("message");
    return new Health(
        result.get("status").tojstring(), message.isnil() ? null : message.tojstring());
  }

  static Globals sandbox() {
    var g = new Globals();
    g.load(new JseBaseLib());
    g.load(new PackageLib()); // StringLib and TableLib register themselves in package.loaded
    g.load(new TableLib());
    g.load(new StringLib());
    g.load(new JseMathLib());
    LoadState.install(g);
    LuaC.install(g);
    for (var unsafe : new String[] {"dofile", "loadfile", "require", "package", "module"}) {
      g.set(unsafe, LuaValue.NIL);
    }
    g.load(LUA51_SHIMS, "=shims").call();
    return g;
  }

  /** JSON as gopher-lua sees it: objects and arrays become tables, every number a float. */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      var t = new LuaTable();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        t.set(e.getKey(), toLua(e.getValue()));
      }
      return t;
    }
    if (node.isArray()) {
      var t = new LuaTable();
      for (var i = 0; i < node.size(); i++) {
        t.set(i + 1, toLua(node.get(i)));
      }
      return t;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    return LuaValue.valueOf(node.asText());
  }
}
