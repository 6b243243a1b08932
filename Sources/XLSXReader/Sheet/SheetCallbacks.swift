internal import CDRSDiffLibXML2

extension SheetState {
    /// The libxml2 callbacks of a sheet parse: their user data is a `ParserBox` whose target is a
    /// `SheetState`. Each only finds the state and passes the event on: no work happens here.
    static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.startElementNs = { user, localname, _, _, _, _, attributeCount, _, attributes in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            guard box.pointee.enter() else { return }
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.startElement(localname!, Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, _, _, _ in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            box.pointee.depth -= 1
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.endElement()
        }
        sax.characters = { user, bytes, count in
            user!.assumingMemoryBound(to: ParserBox.self).pointee.target.assumingMemoryBound(to: SheetState.self)
                .pointee.characters(bytes!, Int(count))
        }
        return sax
    }
}
