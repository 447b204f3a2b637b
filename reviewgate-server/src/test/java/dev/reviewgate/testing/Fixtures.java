package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Forms and requests shared by the API tests, written as the JSON a client would send. */
public final class Fixtures {

    private Fixtures() {}

    /** Parses a JSON literal written with single quotes for readability. */
    public static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gotoHuman seed's form: a markdown blog post and image options, both with retries. */
    public static JsonNode blogForm() {
        return json("""
                {'id':'blog-review','name':'Review blog post','fields':[
                  {'id':'blog','type':'markdown','label':'Blog post','required':true,
                   'retry':{'button':true,'instructions':true}},
                  {'id':'imageOptions','type':'images','label':'Image options','selection':'multiple',
                   'retry':{'button':true,'instructions':true}}]}""");
    }

    public static JsonNode blogFields(String text, String... imageUrls) {
        var fields = Json.object().put("blog", text);
        var images = fields.putArray("imageOptions");
        for (String url : imageUrls) {
            images.addObject().put("url", url);
        }
        return fields;
    }

    /** The Retab seed's extract block. */
    public static JsonNode invoiceForm() {
        return json("""
                {'id':'invoice-extract','name':'Invoice extraction','blockType':'extract','schema':{
                  'type':'object','properties':{
                    'invoice_number':{'type':'string'},'total_amount':{'type':'number'},
                    'vendor_name':{'type':'string'}},
                  'required':['total_amount','vendor_name']}}""");
    }

    public static JsonNode classifierForm() {
        return json("""
                {'id':'mail-classifier','name':'Mail classifier','blockType':'classifier',
                 'categories':['booking_confirmation','invoice','spam']}""");
    }

    public static JsonNode splitForm() {
        return json("{'id':'doc-split','name':'Document split','blockType':'split'}");
    }

    public static JsonNode forEachForm() {
        return json("{'id':'invoice-partitions','name':'Invoice partitions','blockType':'for_each'}");
    }
}
