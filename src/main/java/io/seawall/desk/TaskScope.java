package io.seawall.desk;

/** Which tasks an agent asks for: the ones they hold, or the ones their groups may take. */
public enum TaskScope {
  MINE,
  GROUP
}
