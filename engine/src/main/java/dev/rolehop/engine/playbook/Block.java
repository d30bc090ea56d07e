package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.Position;
import java.util.List;
import java.util.Map;

/**
 * A {@code block} with its optional {@code rescue} and {@code always} sections; also the
 * implicit block around every plain task list. Items are {@link Task}s or nested blocks.
 */
public final class Block extends Scope {

    private List<Scope> block = List.of();
    private List<Scope> rescue = List.of();
    private List<Scope> always = List.of();

    public Block(Scope parent, Map<String, Object> keywords, Position position) {
        super(parent, keywords, position);
    }

    /** The block of a dynamic include: its tasks get the include's vars as parameters. */
    Block(Scope parent, Map<String, Object> keywords, Map<String, Object> params, Position position) {
        super(parent, keywords, params, position);
    }

    void sections(List<Scope> blockItems, List<Scope> rescueItems, List<Scope> alwaysItems) {
        this.block = List.copyOf(blockItems);
        this.rescue = List.copyOf(rescueItems);
        this.always = List.copyOf(alwaysItems);
    }

    public List<Scope> block() {
        return block;
    }

    public List<Scope> rescue() {
        return rescue;
    }

    public List<Scope> always() {
        return always;
    }

    /** The block's name, or empty. */
    public String name() {
        Object name = own("name");
        return name == null ? "" : String.valueOf(name);
    }
}
