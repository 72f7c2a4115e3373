package io.seawall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The job types of the models in {@code bpmn/}, the {@code @JobWorker}s that serve them and the element
 * templates in {@code connectors/} that ops staff model with stay in step: a job type without a worker
 * would stall a case, one without a template cannot be picked in Modeler. The templates' JSON schema is
 * checked by the build (src/lint/templates.mjs); this test checks what they say against the code.
 */
class ConnectorTemplatesTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  static final Path MODELS = Path.of("bpmn");
  static final Path TEMPLATES = Path.of("connectors");
  static final String TEMPLATE_ID_PREFIX = "io.seawall.";

  /** A task of a model that hands its work to a job worker. */
  record ModelTask(String file, String elementId, String jobType, Map<String, String> headers) {
    String where() {
      return file + " task " + elementId;
    }
  }

  /** An execution or task listener of a model. */
  record ModelListener(String file, String elementId, String kind, String jobType) {}

  /** One template file of connectors/. */
  record Template(String file, JsonNode json) {

    String jobType() {
      return properties()
          .filter(p -> bindingIs(p, "zeebe:taskDefinition") && "type".equals(p.path("binding").path("property").asText()))
          .map(p -> p.path("value").asText())
          .findFirst().orElse(null);
    }

    Stream<JsonNode> properties() {
      List<JsonNode> all = new ArrayList<>();
      json.path("properties").forEach(all::add);
      return all.stream();
    }

    Stream<JsonNode> bound(String bindingType) {
      return properties().filter(p -> bindingIs(p, bindingType));
    }

    static boolean bindingIs(JsonNode property, String bindingType) {
      return bindingType.equals(property.path("binding").path("type").asText());
    }
  }

  static List<ModelTask> tasks = new ArrayList<>();
  static List<ModelListener> listeners = new ArrayList<>();
  /** Job type to the variables its worker fetches; a type served twice appears once per worker method. */
  static Map<String, List<Set<String>>> workers = new TreeMap<>();
  static List<String> workersWithoutType = new ArrayList<>();
  static Map<String, Template> templatesByJobType = new TreeMap<>();
  static List<Template> templates = new ArrayList<>();

  @BeforeAll
  static void readModelsWorkersAndTemplates() throws Exception {
    readModels();
    readWorkers();
    readTemplates();
  }

  @Test
  void everyJobTypeOfTheModelsTasksHasAWorker() {
    assertThat(missing(tasks.stream().collect(byJobType(ModelTask::jobType, ModelTask::where)), workers.keySet()))
        .as("job types the models' tasks use that no @JobWorker(type = ...) under src/main/java serves (a case would "
            + "stall at that task)")
        .isEmpty();
  }

  @Test
  void everyJobTypeOfTheModelsTasksHasATemplate() {
    assertThat(missing(tasks.stream().collect(byJobType(ModelTask::jobType, ModelTask::where)),
        templatesByJobType.keySet()))
        .as("job types the models' tasks use that have no element template: add connectors/<job type>.json with id "
            + TEMPLATE_ID_PREFIX + "<job type> (see connectors/README.md)")
        .isEmpty();
  }

  @Test
  void everyListenerOfTheModelsHasAWorker() {
    assertThat(missing(listeners.stream().collect(byJobType(ModelListener::jobType,
        l -> l.file() + " " + l.kind() + " on " + l.elementId())), workers.keySet()))
        .as("listener job types the models use that no @JobWorker(type = ...) under src/main/java serves (the "
            + "element would never start or finish)")
        .isEmpty();
  }

  @Test
  void everyTemplatesJobTypeHasAWorker() {
    Map<String, List<String>> offered = new TreeMap<>();
    templatesByJobType.forEach((type, template) -> offered.put(type, List.of(template.file())));
    assertThat(missing(offered, workers.keySet()))
        .as("job types element templates offer that no @JobWorker(type = ...) under src/main/java serves (a task "
            + "modelled from the template would stall)")
        .isEmpty();
  }

  @Test
  void everyWorkerNamesItsJobTypeExplicitly() {
    assertThat(workersWithoutType)
        .as("@JobWorker methods without type = ...: the starter would derive the job type from the method name, "
            + "which renaming the method silently changes")
        .isEmpty();
  }

  @Test
  void eachTemplateIsAServiceTaskFiledAndIdentifiedByTheJobTypeItSets() {
    List<String> problems = new ArrayList<>();
    for (Template template : templates) {
      String type = template.jobType();
      long typeBindings = template.bound("zeebe:taskDefinition")
          .filter(p -> "type".equals(p.path("binding").path("property").asText())).count();
      if (type == null || type.isBlank() || typeBindings != 1) {
        problems.add(template.file() + ": needs exactly one zeebe:taskDefinition binding of property type with the "
            + "job type as its value");
        continue;
      }
      template.bound("zeebe:taskDefinition")
          .filter(p -> "type".equals(p.path("binding").path("property").asText()))
          .filter(p -> !"Hidden".equals(p.path("type").asText()))
          .forEach(p -> problems.add(template.file() + ": the job type must be Hidden, or ops staff could point the "
              + "task at a job no worker serves"));
      if (!template.file().equals(type + ".json")) {
        problems.add(template.file() + ": sets job type " + type + ", so it must be connectors/" + type + ".json");
      }
      if (!(TEMPLATE_ID_PREFIX + type).equals(template.json().path("id").asText())) {
        problems.add(template.file() + ": id must be " + TEMPLATE_ID_PREFIX + type + ", found "
            + template.json().path("id").asText());
      }
      if (!"[\"bpmn:ServiceTask\"]".equals(template.json().path("appliesTo").toString())
          || !"bpmn:ServiceTask".equals(template.json().path("elementType").path("value").asText())) {
        problems.add(template.file() + ": must apply to and make a bpmn:ServiceTask");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void templatesOfferEveryTaskHeaderValueTheModelsUse() {
    List<String> problems = new ArrayList<>();
    for (ModelTask task : tasks) {
      Template template = templatesByJobType.get(task.jobType());
      if (template == null) {
        continue; // reported by everyJobTypeOfTheModelsTasksHasATemplate
      }
      task.headers().forEach((key, value) -> {
        List<JsonNode> header = template.bound("zeebe:taskHeader")
            .filter(p -> key.equals(p.path("binding").path("key").asText())).toList();
        if (header.isEmpty()) {
          problems.add(task.where() + " sets task header " + key + ", which " + template.file() + " does not offer");
          return;
        }
        JsonNode property = header.getFirst();
        switch (property.path("type").asText()) {
          case "Dropdown" -> {
            Set<String> choices = new TreeSet<>();
            property.path("choices").forEach(c -> choices.add(c.path("value").asText()));
            if (!choices.contains(value)) {
              problems.add(task.where() + " sets task header " + key + " = " + value + ", which is not a choice of "
                  + template.file() + " " + choices);
            }
          }
          case "Hidden" -> {
            if (!value.equals(property.path("value").asText())) {
              problems.add(task.where() + " sets task header " + key + " = " + value + ", but " + template.file()
                  + " fixes it to " + property.path("value").asText());
            }
          }
          default -> { } // free text: any value the model uses can be typed in
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theNoticeDropdownOffersExactlyTheNoticesSeawallHasTextsFor() throws IOException {
    Properties texts = new Properties();
    try (Reader in = new InputStreamReader(
        new ClassPathResource("notices/buyer-notices.properties").getInputStream(), StandardCharsets.UTF_8)) {
      texts.load(in);
    }
    Set<String> notices = texts.stringPropertyNames().stream()
        .filter(name -> name.endsWith(".body"))
        .map(name -> name.substring(0, name.length() - ".body".length()))
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> choices = new TreeSet<>();
    templatesByJobType.get("buyer.notify").bound("zeebe:taskHeader")
        .filter(p -> "template".equals(p.path("binding").path("key").asText()))
        .forEach(p -> p.path("choices").forEach(c -> choices.add(c.path("value").asText())));

    assertThat(choices)
        .as("notices of connectors/buyer.notify.json vs. those with a text in notices/buyer-notices.properties")
        .isEqualTo(notices);
  }

  @Test
  void everyVariableAWorkerFetchesIsAnInputOfItsTemplate() {
    List<String> problems = new ArrayList<>();
    templatesByJobType.forEach((type, template) -> {
      Set<String> inputs = template.bound("zeebe:input")
          .map(p -> p.path("binding").path("name").asText())
          .collect(Collectors.toSet());
      for (Set<String> fetched : workers.getOrDefault(type, List.of())) {
        for (String variable : new TreeSet<>(fetched)) {
          if (!inputs.contains(variable)) {
            problems.add(template.file() + " has no input " + variable + ", which the worker of " + type + " reads");
          }
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void templatesMapVariablesToTheNamesTheModelsUseByDefault() {
    List<String> problems = new ArrayList<>();
    for (Template template : templates) {
      template.bound("zeebe:input").forEach(p -> {
        String name = p.path("binding").path("name").asText();
        if (!("=" + name).equals(p.path("value").asText())) {
          problems.add(template.file() + ": input " + name + " should default to =" + name + ", found "
              + p.path("value").asText());
        }
      });
      template.bound("zeebe:output").forEach(p -> {
        String source = p.path("binding").path("source").asText();
        if (!source.equals("=" + p.path("value").asText())) {
          problems.add(template.file() + ": output " + source + " should default to the variable "
              + source.substring(1) + ", found " + p.path("value").asText());
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  // reading ////////////////////////////////////////////////////////////////////////////////////////////

  /** For each job type not in {@code served}, where it is used. */
  static Map<String, List<String>> missing(Map<String, List<String>> usedAt, Set<String> served) {
    Map<String, List<String>> missing = new TreeMap<>(usedAt);
    missing.keySet().removeAll(served);
    return missing;
  }

  static <T> Collector<T, ?, Map<String, List<String>>> byJobType(Function<T, String> type, Function<T, String> where) {
    return Collectors.groupingBy(type, TreeMap::new, Collectors.mapping(where, Collectors.toList()));
  }

  static void readModels() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MODELS)) {
      files = walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).as("models under " + MODELS.toAbsolutePath()).isNotEmpty();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path file : files) {
      String name = MODELS.relativize(file).toString().replace('\\', '/');
      String shown = "bpmn/" + name;
      Element root;
      try (InputStream in = Files.newInputStream(file)) {
        root = factory.newDocumentBuilder().parse(in).getDocumentElement();
      }
      for (Element definition : elements(root, ZEEBE, "taskDefinition")) {
        Element task = (Element) definition.getParentNode().getParentNode();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Element header : elements(task, ZEEBE, "header")) {
          headers.put(header.getAttribute("key"), header.getAttribute("value"));
        }
        tasks.add(new ModelTask(shown, task.getAttribute("id"), definition.getAttribute("type"), headers));
      }
      for (String kind : List.of("executionListener", "taskListener")) {
        for (Element listener : elements(root, ZEEBE, kind)) {
          Element owner = (Element) listener.getParentNode().getParentNode().getParentNode();
          listeners.add(new ModelListener(shown, owner.getAttribute("id"), kind, listener.getAttribute("type")));
        }
      }
    }
    assertThat(tasks).as("tasks with a zeebe:taskDefinition in " + MODELS).isNotEmpty();
  }

  static List<Element> elements(Element root, String namespace, String localName) {
    NodeList nodes = root.getElementsByTagNameNS(namespace, localName);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static void readWorkers() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) ->
        reader.getAnnotationMetadata().hasAnnotatedMethods(JobWorker.class.getName()));
    for (BeanDefinition candidate : scanner.findCandidateComponents(SeawallApplication.class.getPackageName())) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker == null) {
          continue;
        }
        if (worker.type().isBlank()) {
          workersWithoutType.add(type.getName() + "#" + method.getName());
          continue;
        }
        // A worker that fetches every variable names none a template must map.
        workers.computeIfAbsent(worker.type(), t -> new ArrayList<>())
            .add(worker.fetchAllVariables() ? Set.of() : Set.of(worker.fetchVariables()));
      }
    }
    assertThat(workers).as("@JobWorker methods under " + SeawallApplication.class.getPackageName()).isNotEmpty();
  }

  static void readTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> list = Files.list(TEMPLATES)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      Template template = new Template(file.getFileName().toString(), json.readTree(file.toFile()));
      templates.add(template);
      String type = template.jobType();
      if (type != null) {
        Template other = templatesByJobType.putIfAbsent(type, template);
        assertThat(other).as("%s and %s both set job type %s", file.getFileName(),
            other == null ? "" : other.file(), type).isNull();
      }
    }
    assertThat(templates).as("element templates in " + TEMPLATES.toAbsolutePath()).isNotEmpty();
  }
}
