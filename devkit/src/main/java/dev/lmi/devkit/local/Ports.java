package dev.lmi.devkit.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The local mode's fixed default ports (so commands in shell history keep working) and the fallback
 * to a free port when one is taken.
 */
final class Ports {
  /** The Kubernetes API: 6443 shifted out of the way of a real local cluster. */
  static final int KUBE = 36443;

  /** The AWS endpoint: the port other local AWS stand-ins use, so tools already point there. */
  static final int AWS = 4566;

  /** DynamoDB Local's own default port. */
  static final int DYNAMODB = 8000;

  private Ports() {}

  /** A port choice: what was asked and what the server will listen on (0 = any free port). */
  record Choice(int asked, int port) {
    boolean fellBack() {
      return asked != 0 && port != asked;
    }
  }

  /** The asked port when it is free on the loopback interface, else any free port. */
  static Choice choose(int asked) {
    return new Choice(asked, asked == 0 || isFree(asked) ? asked : 0);
  }

  static boolean isFree(int port) {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
