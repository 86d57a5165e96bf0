package ch.ontrack.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of a Dockerfile parser for rule checks: instructions, build args and stages. */
record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String from, String name, List<Instruction> instructions) {
        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }
    }

    private static final Pattern FROM = Pattern.compile("(?i)(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    static Dockerfile parse(String text) {
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (String line : text.replace("\\\n", " ").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                Matcher m = FROM.matcher(instruction.arguments());
                m.matches();
                stages.add(new Stage(m.group(1), m.group(2), new ArrayList<>()));
            } else if (stages.isEmpty() && instruction.keyword().equals("ARG")) {
                String[] kv = instruction.arguments().split("=", 2);
                globalArgs.put(kv[0], kv.length > 1 ? kv[1] : null);
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return new Dockerfile(globalArgs, stages);
    }

    /** The image a FROM names once the global build args' defaults are substituted. */
    String resolve(String reference) {
        return VARIABLE.matcher(reference)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf(globalArgs.get(m.group(1)))));
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }
}
